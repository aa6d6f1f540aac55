# bash completion for lumbar(1).
_lumbar()
{
	local cur prev opts
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	opts="--list --show --plan --format= --check --history --catalogue --level
	      --history-file --no-bell --quiet --no-color --color --on-phase --speak --no-speak
	      --no-ask --help --version"

	case $prev in
	--catalogue | -C | --check | -c | --history-file)
		COMPREPLY=($(compgen -f -- "$cur"))
		return 0
		;;
	--level | -L)
		COMPREPLY=($(compgen -W "easy medium hard" -- "$cur"))
		return 0
		;;
	--on-phase)
		COMPREPLY=($(compgen -c -- "$cur"))
		return 0
		;;
	esac

	case $cur in
	--format=*)
		COMPREPLY=($(compgen -W "tsv text" -- "${cur#--format=}"))
		return 0
		;;
	-*)
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		[[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace
		return 0
		;;
	esac

	# Exercise ids come from the catalogue lumbar would use, honouring a
	# --catalogue given earlier on the line.
	local i cat=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		if [[ ${COMP_WORDS[i]} == --catalogue || ${COMP_WORDS[i]} == -C ]]; then
			cat=(--catalogue "${COMP_WORDS[i+1]}")
		fi
	done
	local ids
	ids=$(lumbar "${cat[@]}" --list --format=tsv 2>/dev/null | cut -f1 | grep -v '^#')
	COMPREPLY=($(compgen -W "all due safety $ids" -- "$cur"))
}
complete -F _lumbar lumbar
