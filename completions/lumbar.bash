# bash completion for lumbar(1).

# The flags of due, remind, pause, resume and status, once the verb is typed.
_lumbar_remind_verbs()
{
	local w
	for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
		case $w in
		due) COMPREPLY=($(compgen -W "--quiet --count --format=line" -- "$cur")) ;;
		remind) COMPREPLY=($(compgen -W "--install --dry-run --print-cron" -- "$cur")) ;;
		pause)
			if [[ $prev == --reason ]]; then
				COMPREPLY=($(compgen -W "injury travel ill other" -- "$cur"))
			elif [[ $prev != --until ]]; then
				COMPREPLY=($(compgen -W "--until --reason" -- "$cur"))
			fi
			;;
		resume) COMPREPLY=() ;;
		status) COMPREPLY=($(compgen -W "--format=json" -- "$cur")) ;;
		*) continue ;;
		esac
		return 0
	done
	return 1
}

_lumbar()
{
	local cur prev opts
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	opts="--list --show --plan --format= --check --history --catalogue --level
	      --history-file --no-bell --quiet --no-color --color --on-phase --speak --no-speak
	      --help --version"

	_lumbar_remind_verbs && return 0

	# `lumbar report ...`: its own options.
	if [[ ${COMP_WORDS[1]} == report && COMP_CWORD -gt 1 ]]; then
		case $prev in
		--format) COMPREPLY=($(compgen -W "md html csv" -- "$cur")) ;;
		-o | --output | -C | --catalogue | --history-file) COMPREPLY=($(compgen -f -- "$cur")) ;;
		--weeks | --since | --today) ;;
		*) COMPREPLY=($(compgen -W "--weeks --since --format --output --today --catalogue
		                             --history-file --help" -- "$cur")) ;;
		esac
		return 0
	fi

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
	COMPREPLY=($(compgen -W "all due remind pause resume status report $ids" -- "$cur"))
}
complete -F _lumbar lumbar
