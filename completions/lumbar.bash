# bash completion for lumbar(1): options, verbs, and the routine and
# exercise ids of the catalogue lumbar would use (asked at completion time
# with `lumbar list --format=tsv`).

# The flags of due, remind, pause, resume and status, once the verb is typed.
_lumbar_remind_verbs()
{
	local w
	for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
		case $w in
		due) COMPREPLY=($(compgen -W "--quiet --count --format=line" -- "$cur")) ;;
		remind) COMPREPLY=($(compgen -W "--verbose --install --dry-run --print-cron" -- "$cur")) ;;
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

_lumbar_ids()
{
	# Honour a --catalogue given earlier on the line.
	local i cat=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		if [[ ${COMP_WORDS[i]} == --catalogue || ${COMP_WORDS[i]} == -C ]]; then
			cat=(--catalogue "${COMP_WORDS[i+1]}")
		fi
	done
	# With "exercises", only the exercises (progress set and hold want one).
	lumbar "${cat[@]}" list --format=tsv 2>/dev/null | grep -v '^#' |
		if [[ ${1-} == exercises ]]; then grep -v $'\troutine of '; else cat; fi | cut -f1
}

# The ids of a clinic's questionnaires (questionnaire files' `id:` lines), for checkin --answer.
_lumbar_questionnaires()
{
	local f
	for f in "${XDG_CONFIG_HOME:-$HOME/.config}"/lumbar/questionnaires/*.yaml; do
		[[ -f $f ]] && sed -n 's/^id:[[:space:]]*["'\'']\{0,1\}\([a-z0-9-]*\).*/\1/p' "$f"
	done
}

_lumbar()
{
	local cur prev opts verbs verb= i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	opts="--list --show --plan --format= --check --history --catalogue --level
	      --history-file --no-bell --quiet --no-color --color --on-phase --speak --no-speak
	      --no-ask --lines --help --version --days --today"
	verbs="play list show plan check history checkin activities log safety due progress why remind pause resume status report calendar merge programme help"

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

	# `lumbar calendar ...`: -o FILE and --history; `lumbar merge FILE...`: the copies.
	if [[ ${COMP_WORDS[1]} == calendar && COMP_CWORD -gt 1 ]]; then
		case $prev in
		-o | --output | -C | --catalogue | --history-file) COMPREPLY=($(compgen -f -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "--output --history --catalogue --history-file --help" \
		                -- "$cur")) ;;
		esac
		return 0
	fi
	# `lumbar log ID|ROUTINE [--date DATE] [--pain-before N] [--pain N] [--status S]`.
	if [[ ${COMP_WORDS[1]} == log && COMP_CWORD -gt 1 ]]; then
		case $prev in
		--date) COMPREPLY=($(compgen -W "today yesterday" -- "$cur")) ;;
		--pain | --pain-before) COMPREPLY=($(compgen -W "0 1 2 3 4 5 6 7 8 9 10" -- "$cur")) ;;
		--status) COMPREPLY=($(compgen -W "done partial" -- "$cur")) ;;
		-C | --catalogue | --history-file) COMPREPLY=($(compgen -f -- "$cur")) ;;
		*)
			if [[ $cur == -* ]]; then
				COMPREPLY=($(compgen -W "--date --pain-before --pain --status --catalogue
				                         --history-file --help" -- "$cur"))
			else
				COMPREPLY=($(compgen -W "all $(_lumbar_ids)" -- "$cur"))
			fi
			;;
		esac
		return 0
	fi
	# `lumbar checkin N|--peg P E G|--answer ID A...`: the PEG or a clinic's questionnaire.
	if [[ ${COMP_WORDS[1]} == checkin && COMP_CWORD -gt 1 ]]; then
		case $prev in
		--answer) COMPREPLY=($(compgen -W "peg $(_lumbar_questionnaires)" -- "$cur")) ;;
		--history-file) COMPREPLY=($(compgen -f -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "--peg --answer --history-file --help
		                            0 1 2 3 4 5 6 7 8 9 10" -- "$cur")) ;;
		esac
		return 0
	fi
	if [[ ${COMP_WORDS[1]} == merge && COMP_CWORD -gt 1 ]]; then
		COMPREPLY=($(compgen -f -- "$cur"))
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
	--show | -s | --plan | -p)
		COMPREPLY=($(compgen -W "$(_lumbar_ids)" -- "$cur"))
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

	# The verb, when one is already on the line (the first word that is one).
	for ((i = 1; i < COMP_CWORD; i++)); do
		if [[ " $verbs " == *" ${COMP_WORDS[i]} "* ]]; then
			verb=${COMP_WORDS[i]}
			break
		fi
	done
	# lumbar progress [ID|ROUTINE], progress set ID N, progress hold ID [--days N]:
	# a routine's id shows its exercises, set and hold take an exercise's.
	if [[ $verb == progress ]]; then
		local ids=""
		case $prev in
		progress) ids="set hold $(_lumbar_ids)" ;;
		set | hold) ids=$(_lumbar_ids exercises) ;;
		esac
		COMPREPLY=($(compgen -W "$ids" -- "$cur"))
		return 0
	fi
	case $verb in
	play) COMPREPLY=($(compgen -W "all due $(_lumbar_ids)" -- "$cur")) ;;
	show) COMPREPLY=($(compgen -W "$(_lumbar_ids)" -- "$cur")) ;;
	why) COMPREPLY=($(compgen -W "$(_lumbar_ids exercises)" -- "$cur")) ;;
	plan) COMPREPLY=($(compgen -W "all $(_lumbar_ids)" -- "$cur")) ;;
	check) COMPREPLY=($(compgen -f -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W "$verbs" -- "$cur")) ;;
	checkin) COMPREPLY=($(compgen -W "--peg --answer 0 1 2 3 4 5 6 7 8 9 10" -- "$cur")) ;;
	activities) [[ $prev == activities ]] && COMPREPLY=($(compgen -W "add rate retire" -- "$cur")) ;;
	"") COMPREPLY=($(compgen -W "$verbs all $(_lumbar_ids)" -- "$cur")) ;;
	esac
}
complete -F _lumbar lumbar
