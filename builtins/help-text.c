/* help-text.c: the text of `help`, cut from man/conch.1 by man/gen-help (do not edit) */
#include "builtin.h"

/* sorted by name, as the table of builtin.c */
const struct builtin_help builtin_help_table[] = {
{ ".",
	"Reads and runs the commands of file in the current shell",
	". file [arg ...]\n"
	"source file [arg ...]\n"
	,
	". file [arg ...]\n"
	"source file [arg ...]\n"
	"    Reads and runs the commands of file in the current shell.  With args,\n"
	"    they are the positional parameters while file runs.  source is the same\n"
	"    builtin under the name bash gives it (an extension; special, as in\n"
	"    bash's POSIX mode).  A file without a `/' is searched for in PATH (the\n"
	"    current directory is not searched unless PATH includes it).  return\n"
	"    ends the file early.  Status: that of the last command run, or 0; a\n"
	"    file that cannot be found or read is an error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ echo 'echo \"hello, $1\"' > hi.sh\n"
	"          $ . ./hi.sh world\n"
	"          hello, world\n"
},
{ ":",
	"Does nothing",
	": [arg ...]\n"
	,
	": [arg ...]\n"
	"    Does nothing; the arguments are expanded.  Status 0.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ : ${n:=5}\n"
	"          $ echo $n\n"
	"          5\n"
},
{ "[",
	"Evaluates expression",
	"test expression\n"
	"[ expression ]\n"
	,
	"test expression\n"
	"[ expression ]\n"
	"    Evaluates expression; status 0 if true, 1 if false, 2 on error.\n"
	"    Operands are decided by their number, as POSIX specifies: with one\n"
	"    argument, true if it is not empty; with two, `!' and an argument or a\n"
	"    unary primary; with three, a binary primary, `!' and two arguments, or\n"
	"    a parenthesized argument; with four, `!' and three arguments or a\n"
	"    parenthesized two.  With more, the operators below apply with\n"
	"    precedence, from highest: primaries, `!', -a, -o, with `(' and `)' for\n"
	"    grouping.\n"
	"\n"
	"    -b file    block special file\n"
	"    -c file    character special file\n"
	"    -d file    directory\n"
	"    -e file    exists\n"
	"    -f file    regular file\n"
	"    -h file, -L file\n"
	"               symbolic link\n"
	"    -p file    named pipe\n"
	"    -r file    readable by the shell\n"
	"    -S file    socket\n"
	"    -s file    size greater than zero\n"
	"    -t fd      descriptor fd is a terminal\n"
	"    -w file    writable by the shell\n"
	"    -x file    executable (searchable, for a directory) by the shell\n"
	"    -n string  not empty\n"
	"    -z string  empty\n"
	"    s1 = s2, s1 != s2\n"
	"               strings equal, not equal\n"
	"    n1 -eq n2  integers equal; also -ne, -lt, -le, -gt, -ge\n"
	"    f1 -nt f2  f1 is newer (modification time) than f2, or exists and f2\n"
	"               does not\n"
	"    f1 -ot f2  f1 is older than f2, or f2 exists and f1 does not\n"
	"    f1 -ef f2  same device and inode\n"
	"    e1 -a e2   both true\n"
	"    e1 -o e2   either true\n"
	"    ! e        e is false\n"
	"\n"
	"    File primaries other than -h and -L follow symbolic links.  An integer\n"
	"    operand that is not a number is an error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ test 3 -lt 10 && echo smaller\n"
	"          smaller\n"
	"          $ [ -d /tmp ]; echo $?\n"
	"          0\n"
},
{ "alias",
	"Defines an alias for each name=value",
	"alias [-p] [name[=value] ...]\n"
	,
	"alias [-p] [name[=value] ...]\n"
	"    Defines an alias for each name=value; for each name alone, writes its\n"
	"    definition.  With no operand, writes every alias, sorted, as\n"
	"    name='value' lines.  With -p (an extension, as in bash), each\n"
	"    definition is written as a command that defines it again, `alias\n"
	"    name='value'' (`alias -- name='value'' for a name that begins with\n"
	"    `-'): every alias without operands, the named ones otherwise (bash\n"
	"    writes every alias first in that case too).  Status 1 if a name has no\n"
	"    alias, 2 for an unknown option.  See Aliases.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ alias ll='ls -l'\n"
	"          $ alias -p\n"
	"          alias ll='ls -l'\n"
},
{ "bg",
	"Resumes each stopped job (default: the current job) in the...",
	"bg [job ...]\n"
	,
	"bg [job ...]\n"
	"    Resumes each stopped job (default: the current job) in the background,\n"
	"    as if started with `&', and prints `[n]+ command &'.  A job already\n"
	"    running is reported (`job 1 already in background'), status 0.  Status\n"
	"    1 for an unknown job, or without job control (`bg: no job control').\n"
	"\n"
	"          $ sleep 100\n"
	"          ^Z\n"
	"          [1]+  Stopped                 sleep 100\n"
	"          $ bg\n"
	"          [1]+ sleep 100 &\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ sleep 60\n"
	"          ^Z\n"
	"          [1]+  Stopped                 sleep 60\n"
	"          $ bg\n"
	"          [1]+ sleep 60 &\n"
},
{ "break",
	"Leaves the nth enclosing for, while or until loop (default 1)",
	"break [n]\n"
	,
	"break [n]\n"
	"    Leaves the nth enclosing for, while or until loop (default 1); an n\n"
	"    larger than the nesting leaves the outermost loop.  n must be a\n"
	"    positive integer.  Status 0; an n that is not a positive integer, or\n"
	"    more than one operand, is an error (status 2).\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ for i in 1 2 3; do [ $i = 2 ] && break; echo $i; done\n"
	"          1\n"
},
{ "builtin",
	"Runs the builtin name with the args, even if a function of that...",
	"builtin [name [arg ...]]\n"
	,
	"builtin [name [arg ...]]\n"
	"    Runs the builtin name with the args, even if a function of that name\n"
	"    exists, so that a function can wrap the builtin whose name it takes:\n"
	"    `cd() { builtin cd \"$@\" && pwd; }'.  As under command, a special\n"
	"    builtin run this way does not end the shell on an error.  An extension,\n"
	"    as in bash(1).  Status: that of the builtin; 0 without name; 1 if name\n"
	"    is not a builtin (`builtin: name: not a shell builtin').\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ cd() { builtin cd \"$@\" && echo \"now in $PWD\"; }\n"
	"          $ cd /tmp\n"
	"          now in /tmp\n"
},
{ "cd",
	"Changes the working directory of the shell (and of all its...",
	"cd [-L | -P] [directory]\n"
	"cd -\n"
	,
	"cd [-L | -P] [directory]\n"
	"cd -\n"
	"    Changes the working directory of the shell (and of all its thread\n"
	"    stages) to directory, by default HOME.  `cd -' goes to OLDPWD and\n"
	"    writes its name.  A relative directory not starting with `.' or `..' is\n"
	"    looked for in each directory of CDPATH first; if found through a non-\n"
	"    empty entry, the new directory is written.  With -L (the default), the\n"
	"    path is resolved logically from PWD: `..' removes the previous\n"
	"    component.  With -P, symbolic links are resolved and PWD is the\n"
	"    physical path.  Sets OLDPWD and PWD.  Status 1 if the directory cannot\n"
	"    be made the working directory, 2 for a usage error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ cd /tmp\n"
	"          $ cd /usr\n"
	"          $ cd -\n"
	"          /tmp\n"
},
{ "command",
	"Runs the builtin or external command name, ignoring functions of...",
	"command [-p] name [arg ...]\n"
	"command [-p] -v | -V name ...\n"
	,
	"command [-p] name [arg ...]\n"
	"command [-p] -v | -V name ...\n"
	"    Runs the builtin or external command name, ignoring functions of that\n"
	"    name; a special builtin run this way loses its special properties.\n"
	"    With -p, PATH is replaced by a default path that finds the standard\n"
	"    utilities.  With -v, writes how name would be found: a path for an\n"
	"    external command, the alias command that defines an alias, or just the\n"
	"    name for a builtin, function or reserved word.  With -V, writes the\n"
	"    same in words, as type does.  Status: that of the command, 126 or 127\n"
	"    as for any command, or, with -v and -V, 127 if a name is not found (as\n"
	"    in dash).  A path with a slash is found only when it names an\n"
	"    executable file that is not a directory (as in bash).\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ command -v cd\n"
	"          cd\n"
	"          $ command -V cd\n"
	"          cd is a shell builtin\n"
},
{ "continue",
	"Goes to the next iteration of the nth enclosing loop (default...",
	"continue [n]\n"
	,
	"continue [n]\n"
	"    Goes to the next iteration of the nth enclosing loop (default 1), as\n"
	"    break.  Status as for break.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done\n"
	"          1\n"
	"          3\n"
},
{ "disown",
	"Removes each job (default: the current one; -a: every job; -r:...",
	"disown [-h] [-a | -r] [job ...]\n"
	,
	"disown [-h] [-a | -r] [job ...]\n"
	"    Removes each job (default: the current one; -a: every job; -r: every\n"
	"    running job) from the job table: the shell no longer reports it, waits\n"
	"    for it or sends it SIGHUP when it hangs up; the processes go on.  With\n"
	"    -h, the job stays in the table but is not sent SIGHUP.  A job with\n"
	"    thread stages cannot leave the shell, whose threads they are: it is\n"
	"    only spared the SIGHUP, as with -h, with a message and status 1.\n"
	"    Status 1 also for an unknown job.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ sleep 1 &\n"
	"          [1] 29175\n"
	"          $ disown %1\n"
	"          $ jobs | wc -l\n"
	"          0\n"
},
{ "echo",
	"Writes the arguments separated by spaces and followed by a newline",
	"echo [-neE] [arg ...]\n"
	,
	"echo [-neE] [arg ...]\n"
	"    Writes the arguments separated by spaces and followed by a newline.  An\n"
	"    argument is an option only if it is `-' followed by one or more of the\n"
	"    letters n, e, E, and only before the first non-option; `--' is not an\n"
	"    option and is written.  -n omits the newline.  -e turns on the escapes\n"
	"    below, -E turns them off again; by default they are off, as in bash(1):\n"
	"          \\a \\b \\e \\f \\n \\r \\t \\v\n"
	"                 as in $'...'\n"
	"          \\\\     backslash\n"
	"          \\c     writes nothing more, not even the newline\n"
	"          \\0nnn  the byte with octal value nnn (zero to three digits)\n"
	"          \\xHH   the byte with hexadecimal value HH (one or two digits)\n"
	"    Portable scripts should use printf.  Status 0, or 1 if the output\n"
	"    cannot be written.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ echo -n 'no newline, '; echo then one\n"
	"          no newline, then one\n"
},
{ "eval",
	"Joins the arguments with spaces and runs the result as shell...",
	"eval [arg ...]\n"
	,
	"eval [arg ...]\n"
	"    Joins the arguments with spaces and runs the result as shell commands\n"
	"    in the current shell, one complete command at a time (see Aliases).\n"
	"    Status: that of the commands, or 0 when there are none; a syntax error\n"
	"    is status 2 and ends a non-interactive shell.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ cmd='echo $((1 + 2))'\n"
	"          $ eval \"$cmd\"\n"
	"          3\n"
},
{ "exec",
	"With a command, replaces the shell by it without creating a process",
	"exec [command [arg ...]]\n"
	,
	"exec [command [arg ...]]\n"
	"    With a command, replaces the shell by it without creating a process;\n"
	"    its redirections and the exported variables go with it.  If it cannot\n"
	"    be run, a non-interactive shell exits with status 127 (not found) or\n"
	"    126.  Without a command, its redirections apply to the current shell\n"
	"    (or thread stage) from then on, and its status is 0, or 1 if a\n"
	"    redirection failed; `command exec redirection ...' does the same\n"
	"    without ending the shell when a redirection fails.  In a thread stage,\n"
	"    exec command replaces only the stage; see THREAD STAGES.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ exec 3> out.txt\n"
	"          $ echo saved >&3\n"
	"          $ cat out.txt\n"
	"          saved\n"
},
{ "exit",
	"Exits the shell with status n, an integer from 0 to 255...",
	"exit [n]\n"
	,
	"exit [n]\n"
	"    Exits the shell with status n, an integer from 0 to 255 (default: the\n"
	"    status of the last command, or, within an EXIT trap, the status the\n"
	"    shell was exiting with).  The EXIT trap runs first.  In a subshell it\n"
	"    ends the subshell; in a thread stage it ends the stage.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ (exit 3); echo $?\n"
	"          3\n"
},
{ "export",
	"Gives each name the export attribute, so that it is passed to...",
	"export [-n] name[=value] ...\n"
	"export -p\n"
	,
	"export [-n] name[=value] ...\n"
	"export -p\n"
	"    Gives each name the export attribute, so that it is passed to the\n"
	"    environment of commands the shell runs, assigning value first if given.\n"
	"    The arguments are assignments: a value is not split or pathname-\n"
	"    expanded.  With -n, removes the attribute instead.  With -p or no\n"
	"    operand, lists the exported variables as `export name='value'' lines\n"
	"    that can be read back by the shell.  In a function, export and readonly\n"
	"    of a name declared local give the attribute to the local only: the\n"
	"    global variable of that name keeps its own attributes when the function\n"
	"    returns (as in dash).  Status 2 for a name that is not a valid variable\n"
	"    name or a usage error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ export GREETING=hi\n"
	"          $ sh -c 'echo $GREETING'\n"
	"          hi\n"
},
{ "false",
	"Does nothing, unsuccessfully",
	"false\n"
	,
	"false\n"
	"    Does nothing, unsuccessfully: status 1.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ false || echo failed\n"
	"          failed\n"
},
{ "fc",
	"Lists, edits or runs again history entries (POSIX)",
	"fc [-r] [-e editor] [first [last]]\n"
	"fc -l [-nr] [first [last]]\n"
	"fc -s [old=new] [first]\n"
	,
	"fc [-r] [-e editor] [first [last]]\n"
	"fc -l [-nr] [first [last]]\n"
	"fc -s [old=new] [first]\n"
	"    Lists, edits or runs again history entries (POSIX).  first and last are\n"
	"    an entry number, a negative number counted back from the fc command\n"
	"    itself (`-1 is the previous command'), or a string: the newest entry\n"
	"    that starts with it.  -l lists the entries, each as its number, a tab\n"
	"    and the command (-n: without the number), from `-16' to `-1' by\n"
	"    default; -r reverses the order.  -s runs entry first (default the\n"
	"    previous command) again, with the first old replaced by new.  Without\n"
	"    -l or -s, the entries (default the previous one) are written to a\n"
	"    temporary file, the editor (-e, else FCEDIT, else ed) is run on it, and\n"
	"    the edited commands are run unless the editor fails.  The commands that\n"
	"    -s or the editor produce are written to standard error before they run,\n"
	"    and replace the fc command in the history.  Status: that of the command\n"
	"    run again; 1 when there is no such history entry, 2 for a usage error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ echo one\n"
	"          one\n"
	"          $ fc -l\n"
	"          1       echo one\n"
	"          $ fc -s one=three 1\n"
	"          echo three\n"
	"          three\n"
},
{ "fg",
	"Brings job (default: the current job) to the foreground",
	"fg [job]\n"
	,
	"fg [job]\n"
	"    Brings job (default: the current job) to the foreground: prints its\n"
	"    command, gives it the terminal and its saved terminal modes, resumes it\n"
	"    if stopped, and waits for it.  The status is the job's, or 128 plus the\n"
	"    signal number when it stops again.  Status 1 for an unknown job, or\n"
	"    without job control (`fg: no job control').\n"
	"\n"
	"          $ vi notes\n"
	"          ^Z\n"
	"          [1]+  Stopped                 vi notes\n"
	"          $ fg %vi\n"
	"          vi notes\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ sleep 3 &\n"
	"          [1] 16581\n"
	"          $ fg %1\n"
	"          sleep 3\n"
},
{ "getopts",
	"Parses options from the args, or from the positional parameters,...",
	"getopts optstring name [arg ...]\n"
	,
	"getopts optstring name [arg ...]\n"
	"    Parses options from the args, or from the positional parameters, one\n"
	"    per call.  optstring lists the option letters; a letter followed by `:'\n"
	"    takes an argument.  Each call stores the next option letter in name and\n"
	"    its argument, if any, in OPTARG, and sets OPTIND to the index of the\n"
	"    next argument to process; set OPTIND=1 to start again.  An unknown\n"
	"    option, or a missing argument, sets name to `?' and writes a message;\n"
	"    if optstring starts with `:', no message is written and OPTARG is set\n"
	"    to the option letter, with name set to `?' for an unknown option and to\n"
	"    `:' for a missing argument.  Status: 0 while an option is found; 1 at\n"
	"    the end of the options (the first non-option, `--' or the end of the\n"
	"    arguments), when name is set to `?' and OPTARG unset.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ set -- -a -b x file\n"
	"          $ while getopts ab: o; do echo \"$o${OPTARG+=$OPTARG}\"; done\n"
	"          a\n"
	"          b=x\n"
	"          $ echo $OPTIND\n"
	"          4\n"
},
{ "halfclose",
	"Ends the writing direction of each socket fd (default 1) after...",
	"halfclose [fd ...]\n"
	,
	"halfclose [fd ...]\n"
	"    Ends the writing direction of each socket fd (default 1) after writing\n"
	"    the stage's buffered output: the peer reads end-of-file while the\n"
	"    connection stays open for reading its reply (shutdown(2)).  Status 1\n"
	"    when a descriptor is not open or not a socket, 2 for a bad number; see\n"
	"    SOCKETS.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ cat < @:7311 > got &\n"
	"          $ { echo hi; halfclose; cat; } > @localhost:7311; wait\n"
	"          $ cat got\n"
	"          hi\n"
},
{ "hash",
	"Without operands, writes the remembered locations of commands",
	"hash [-r]\n"
	"hash name ...\n"
	,
	"hash [-r]\n"
	"hash name ...\n"
	"    Without operands, writes the remembered locations of commands.  With\n"
	"    names, looks each up in PATH and remembers it; status 1 if one is not\n"
	"    found.  -r forgets every remembered location.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ hash sh\n"
	"          $ hash\n"
	"          /usr/bin/sh\n"
},
{ "help",
	"Describes the builtins (an extension)",
	"help [name ...]\n"
	"help -s name ...\n"
	"help topics\n"
	,
	"help [name ...]\n"
	"help -s name ...\n"
	"help topics\n"
	"    Describes the builtins (an extension).  Without an operand, lists every\n"
	"    builtin with the first sentence of its entry here.  With a name, writes\n"
	"    the entry of this page for that builtin: its synopsis, options, exit\n"
	"    status and an example; with -s, the synopsis lines only.  help topics\n"
	"    lists the lessons of conch-tutorial(7) and the sections of this page,\n"
	"    with the man(1) command that opens each.  The text is this page's, cut\n"
	"    from it when conch is built, so the two never disagree; `name --help'\n"
	"    writes the same (see BUILTIN COMMANDS).  Status 1 if a name is not a\n"
	"    builtin, 2 for a usage error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ help -s cd\n"
	"          cd [-L | -P] [directory]\n"
	"          cd -\n"
},
{ "history",
	"Lists the history, each entry with its number (as bash does), or...",
	"history [n]\n"
	"history -c\n"
	"history -d n\n"
	,
	"history [n]\n"
	"history -c\n"
	"history -d n\n"
	"    Lists the history, each entry with its number (as bash does), or only\n"
	"    the last n entries.  -c clears the list (the history file is left\n"
	"    alone) and -d deletes entry n; the later entries move down by one.\n"
	"    Status 0; 2 for a usage error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ echo one\n"
	"          one\n"
	"          $ history 2\n"
	"              1  echo one\n"
	"              2  history 2\n"
},
{ "jobs",
	"Writes the state of each job the shell has started and not yet...",
	"jobs [-l | -p] [job ...]\n"
	,
	"jobs [-l | -p] [job ...]\n"
	"    Writes the state of each job the shell has started and not yet\n"
	"    reported, or of the given ones, in the format described in JOB CONTROL;\n"
	"    a finished job is then forgotten.  -l adds each job's process group ID\n"
	"    (`%n for a thread job') and names the signal of a stopped job; -p\n"
	"    writes only the process group IDs.  Status 1 if a job is unknown or\n"
	"    ambiguous.\n"
	"\n"
	"          $ sleep 100 &\n"
	"          [1] 4242\n"
	"          $ ( exit 3 ) &\n"
	"          [2] 4243\n"
	"          $ jobs\n"
	"          [1]-  Running                 sleep 100 &\n"
	"          [2]+  Exit 3                  ( exit 3 )\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ sleep 60 &\n"
	"          [1] 29170\n"
	"          $ jobs\n"
	"          [1]+  Running                 sleep 60 &\n"
},
{ "kill",
	"Sends signal (default TERM), given by name without `SIG' or by...",
	"kill [-s signal | -n num | -signal] pid | job ...\n"
	"kill -l | -L [status]\n"
	,
	"kill [-s signal | -n num | -signal] pid | job ...\n"
	"kill -l | -L [status]\n"
	"    Sends signal (default TERM), given by name without `SIG' or by number,\n"
	"    to each process, or to each job's process group; -n num is the same as\n"
	"    -s (an extension, as in bash).  A negative pid names a process group.\n"
	"    A stopped job sent a signal that ends processes (TERM, INT, HUP, ...)\n"
	"    is also sent SIGCONT, so that it ends now rather than when resumed.  -l\n"
	"    lists the signal names, one a line, without `SIG'; with a status such\n"
	"    as 143, writes the name of the signal it stands for (`TERM'), and with\n"
	"    a name, its number.  -L (an extension, as in bash) lists them as bash's\n"
	"    numbered table, five a line (` 1) SIGHUP'), a tab after each; the\n"
	"    realtime signals, which has no names for, are not listed.  With\n"
	"    operands, -L is -l.  Status 1 if any signal could not be sent.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ sleep 60 &\n"
	"          [1] 29163\n"
	"          $ kill %1; wait %1; echo $?\n"
	"          143\n"
	"          $ kill -l 143\n"
	"          TERM\n"
},
{ "local",
	"Declares each name local to the current function call",
	"local name[=value] ...\n"
	,
	"local name[=value] ...\n"
	"    Declares each name local to the current function call: the variable's\n"
	"    previous value and attributes are saved and restored when the function\n"
	"    returns.  Scope is dynamic, as in dash(1) and bash(1): functions called\n"
	"    from the function see and assign the local, not the global.  Without\n"
	"    value, the local starts with the value it had outside (as in dash; bash\n"
	"    starts it unset).  `local -' saves the shell options, which are\n"
	"    restored when the function returns.  A readonly variable cannot be made\n"
	"    local.  The arguments are assignments, as for export.  Using local\n"
	"    outside a function is an error.  Status 2 outside a function or for a\n"
	"    name that is not a valid variable name.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ x=global\n"
	"          $ f() { local x=mine; echo $x; }\n"
	"          $ f; echo $x\n"
	"          mine\n"
	"          global\n"
},
{ "lock",
	"Take the lock called name, waiting while another stage holds it",
	"lock name [command [argument ...]]\n"
	,
	"lock name [command [argument ...]]\n"
	"    Take the lock called name, waiting while another stage holds it.  With\n"
	"    a command (a function, builtin or program), run it in the current stage\n"
	"    while holding the lock, and release the lock however the command ends\n"
	"    -- an error, a non-zero status, or an exit that ends the stage; the\n"
	"    status is the command's.  Without one, keep the lock until unlock or\n"
	"    the end of the stage.\n"
	"\n"
	"    Locks are not reentrant: taking a lock that the same stage already\n"
	"    holds is an error (status 1) rather than a wait that would never end.\n"
	"    A stage that is stopped while it waits (an interrupt, or kill of a\n"
	"    thread job) gives up with status 130 or the thread job's signal status;\n"
	"    in the shell itself, a trapped signal runs its action and the wait goes\n"
	"    on.  Deadlocks between stages that take several locks in different\n"
	"    orders are the script's: take locks in one order.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ lock counter echo holding the lock\n"
	"          holding the lock\n"
},
{ "match",
	"Tests each string against pattern, or, without strings, filters...",
	"match [-cinopqvx] [-m max] pattern [string ...]\n"
	"match [-cinopqvx] [-m max] -e pattern [string ...]\n"
	,
	"match [-cinopqvx] [-m max] pattern [string ...]\n"
	"match [-cinopqvx] [-m max] -e pattern [string ...]\n"
	"    Tests each string against pattern, or, without strings, filters the\n"
	"    lines of standard input as `grep -P' does, and prints the selected\n"
	"    subjects, each followed by a newline.  The options have the letters of\n"
	"    grep(1):\n"
	"\n"
	"    -c      Print only the number of selected subjects.\n"
	"\n"
	"    -e pattern\n"
	"            The pattern, even if it starts with `-'; every operand is then\n"
	"            a string.\n"
	"\n"
	"    -i      Ignore case.\n"
	"\n"
	"    -m max  Stop after max selected subjects.\n"
	"\n"
	"    -n      Precede each output line with the number of its line, or of its\n"
	"            string among the strings (from 1), and a colon.\n"
	"\n"
	"    -o      Print only the matched parts, every non-empty match of each\n"
	"            selected subject on a line of its own.\n"
	"\n"
	"    -p      Print the capture groups of every non-empty match, one match a\n"
	"            line, groups 1 to n separated by tab characters; a group that\n"
	"            took no part is empty.  A pattern without groups prints the\n"
	"            whole match, as -o.  (grep(1) has no such option; -g is\n"
	"            subst's.)\n"
	"\n"
	"    -q      Print nothing; stop at the first selected subject.\n"
	"\n"
	"    -v      Select the subjects that do not match.\n"
	"\n"
	"    -x      The pattern must match the whole subject.\n"
	"\n"
	"    With -v, -o and -p print nothing.  When standard output is /dev/null,\n"
	"    match stops at the first selected subject, as grep(1) does.\n"
	"\n"
	"    When strings are given, the first string that matches assigns shell\n"
	"    variables, also with -q and -c (not with -v):\n"
	"\n"
	"    MATCH    the whole match;\n"
	"\n"
	"    MATCH_n  capture group n, for each group of the pattern, from 1;\n"
	"\n"
	"    name     each named group `(?<name>...)' whose name is a shell name.\n"
	"\n"
	"    A group that took no part in the match is set to the empty string.\n"
	"    When no string matches, no variable is changed.  Lines of standard\n"
	"    input assign nothing.  The variables are the shell's, so an assignment\n"
	"    made in a thread stage (the body of `... | while read l; do ...; done')\n"
	"    is seen after the pipeline, and assigning to a readonly variable is an\n"
	"    error (status 2).\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ printf 'ab\\ncd\\n' | match -n c\n"
	"          2:cd\n"
},
{ "printf",
	"Writes the args under the control of format, as printf(1)",
	"printf [-v name] format [arg ...]\n"
	,
	"printf [-v name] format [arg ...]\n"
	"    Writes the args under the control of format, as printf(1).  In format,\n"
	"    the escapes \\\\ \\a \\b \\f \\n \\r \\t \\v and \\ooo (one to three octal\n"
	"    digits) are replaced, and each conversion %[flags][width][.precision]c\n"
	"    takes the next argument: flags `- + # 0' and space; width and precision\n"
	"    may be `*' to take them from an argument; conversions d i o u x X\n"
	"    (integer arguments, 64-bit; a leading `'' or `\"' gives the value of the\n"
	"    next character), f e E g G (floating point), c (first character), s\n"
	"    (string), b (string with the escapes of echo -e, where \\c stops all\n"
	"    output) and `%%' (a percent sign).  The format is reused while\n"
	"    arguments remain; missing arguments are empty or zero.  An argument\n"
	"    that is not a valid number is reported, converted as far as it goes,\n"
	"    and makes the status 1.  Extensions, as in bash(1):\n"
	"\n"
	"    -v name\n"
	"            Assigns the output to the variable name instead of writing it\n"
	"            (up to a NUL byte, which a variable cannot hold).  An invalid\n"
	"            name is a usage error (status 2); a readonly one makes the\n"
	"            status 1.\n"
	"\n"
	"    %q      The argument quoted so that the shell reads it back as the same\n"
	"            word: unchanged if it consists of letters, digits, bytes above\n"
	"            127 and `_-./:,+=@%' (and `#' other than first); otherwise in\n"
	"            single quotes, each `'' written as `'\\''' as trap and alias\n"
	"            print them; the empty string is `'''.  bash uses backslashes\n"
	"            and $'...' instead (writing `a\\ b' for `a b'); the shell reads\n"
	"            both back the same.\n"
	"\n"
	"    %(datefmt)T\n"
	"            The argument, a number of seconds since the epoch, formatted by\n"
	"            strftime(3) with datefmt (empty: `%X').  An argument of -1, or\n"
	"            none, is the current time; -2 is the time the shell started.\n"
	"            The time zone is the TZ that a command run in its place would\n"
	"            get (exported, or assigned before printf), a zone file name, a\n"
	"            path, or a POSIX TZ string; unset means the system's zone, an\n"
	"            unknown one UTC.\n"
	"\n"
	"    A width, a precision and the `-' flag apply to the results of %q and\n"
	"    %(...)T as they do for %s.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ printf '%s=%03d\\n' a 1 b 22\n"
	"          a=001\n"
	"          b=022\n"
},
{ "pwd",
	"Writes the working directory",
	"pwd [-L | -P]\n"
	,
	"pwd [-L | -P]\n"
	"    Writes the working directory: PWD with -L (the default), the physical\n"
	"    path with -P.  Status 0, or 1 if the directory cannot be found.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ cd /tmp\n"
	"          $ pwd\n"
	"          /tmp\n"
},
{ "read",
	"Reads one line from standard input, splits it into fields as...",
	"read [-rs] [-d delim] [-n nchars | -N nchars] [-p prompt] [-t timeout] [-u\n"
	"    fd] [name ...]\n"
	,
	"read [-rs] [-d delim] [-n nchars | -N nchars] [-p prompt] [-t timeout] [-u\n"
	"    fd] [name ...]\n"
	"    Reads one line from standard input, splits it into fields as Field\n"
	"    splitting does, and assigns them to the names in order; the last name\n"
	"    gets the rest of the line, without its trailing IFS whitespace.\n"
	"    Missing fields leave names empty.  With no name, the whole line is\n"
	"    assigned to REPLY.  Unless -r is given, a backslash quotes the next\n"
	"    character and a backslash-newline pair is removed, continuing the line.\n"
	"    NUL bytes are dropped.  read never takes input past the end of its\n"
	"    line, so that the commands after it read the rest.  On a regular file\n"
	"    that a redirection opened, as in `while read l; do ...; done < file',\n"
	"    it reads a block ahead and keeps it, and puts the file offset back just\n"
	"    after its line before anything else can see it: before any program or\n"
	"    subshell starts, before another builtin or a redirection uses the\n"
	"    descriptor, and when the descriptor is closed.  Most lines then cost no\n"
	"    system call.  A descriptor duplicated with `<&' or `>&' shares its\n"
	"    offset with the original, so neither is read ahead until it is closed.\n"
	"    On a pipe read looks at the data without taking it (tee(2)) and takes\n"
	"    just its line; on a terminal or a socket it reads a byte at a time.\n"
	"    The options other than -r are extensions, as in bash(1):\n"
	"\n"
	"    -d delim\n"
	"            Ends the line at the first character of delim instead of\n"
	"            newline (at a NUL byte if delim is empty).\n"
	"\n"
	"    -n nchars\n"
	"            Returns after nchars characters, or at the delimiter if it\n"
	"            comes first; the result is split as usual.\n"
	"\n"
	"    -N nchars\n"
	"            Returns after exactly nchars characters, or at end of file: the\n"
	"            delimiter is an ordinary character, and the result is not split\n"
	"            or trimmed: the first name gets all of it and the other names\n"
	"            are set empty.\n"
	"\n"
	"            For -n and -N, a character is a character of the locale started\n"
	"            in (LC_ALL, LC_CTYPE or LANG of its environment: several bytes\n"
	"            in a UTF-8 locale, one byte in the C locale; assigning these\n"
	"            variables in the shell does not change it); an invalid byte\n"
	"            sequence counts as one character.  A quoting backslash, a\n"
	"            removed backslash-newline and NUL bytes are not counted.  An\n"
	"            nchars of 0 reads nothing.\n"
	"\n"
	"    -p prompt\n"
	"            Writes prompt to standard error first, if the input is a\n"
	"            terminal.\n"
	"\n"
	"    -s      If the input is a terminal, turns its echo off while reading,\n"
	"            so that what is typed is not shown; the terminal's modes are\n"
	"            restored however read ends (the line, end of file, a timeout,\n"
	"            an error, Ctrl-C), unless a signal kills the shell itself.\n"
	"\n"
	"    -t timeout\n"
	"            Gives up after timeout seconds, a decimal number that may have\n"
	"            a fraction (2, 0.5, .5): the status is then 142 (128 plus the\n"
	"            number of SIGALRM, as in bash) and the names get what was read\n"
	"            before.  A regular file never makes read wait.  With a timeout\n"
	"            of 0, read reads nothing and assigns nothing, and returns 0 if\n"
	"            input is waiting (also at end of file and on a regular file), 1\n"
	"            otherwise.\n"
	"\n"
	"    -u fd   Reads from descriptor fd instead of standard input.\n"
	"\n"
	"    In the main shell, a signal that a trap catches runs its action at\n"
	"    once, and the read goes on unless the action exits (with its status).\n"
	"    In an interactive shell, Ctrl-C abandons the read (status 130).\n"
	"    Status: 0; 1 at end of file (the names are still assigned what was\n"
	"    read), on a read error, or when fd is not open; 142 after a timeout; 2\n"
	"    for an invalid name, a readonly name, an unknown option or an option\n"
	"    argument that is not a valid number (bash returns 1 for the latter).\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ echo 'a b c' | read x rest\n"
	"          $ echo \"$rest\"\n"
	"          b c\n"
},
{ "readonly",
	"Makes each name read-only, assigning value first if given",
	"readonly name[=value] ...\n"
	"readonly -p\n"
	,
	"readonly name[=value] ...\n"
	"readonly -p\n"
	"    Makes each name read-only, assigning value first if given; a read-only\n"
	"    variable cannot be assigned or unset.  With -p or no operand, lists the\n"
	"    read-only variables as `readonly name='value'' lines.  Status 2 for a\n"
	"    name that is not a valid variable name or a usage error; assigning a\n"
	"    read-only variable is an error too.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ readonly v=1\n"
	"          $ readonly -p | match v=\n"
	"          readonly v='1'\n"
},
{ "return",
	"Returns from the current function or . file with status n, an...",
	"return [n]\n"
	,
	"return [n]\n"
	"    Returns from the current function or . file with status n, an integer\n"
	"    from 0 to 255 (default: the status of the last command).  Outside a\n"
	"    function or . file it is an error.  The status is the function's even\n"
	"    when return is in an if, while or until condition or after !: `f() {!\n"
	"    return 3; }' returns 3.  The same holds for exit.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ f() { return 3; }\n"
	"          $ f; echo $?\n"
	"          3\n"
},
{ "set",
	"Sets (-) or clears (+) options, described under OPTIONS",
	"set [-abCefmnuvx] [-o option] ... [--] [arg ...]\n"
	"set -o | +o\n"
	,
	"set [-abCefmnuvx] [-o option] ... [--] [arg ...]\n"
	"set -o | +o\n"
	"    Sets (-) or clears (+) options, described under OPTIONS.  Any operands,\n"
	"    or an argument -- even when followed by none, replace the positional\n"
	"    parameters.  A lone - turns off -v and -x and a lone + changes nothing;\n"
	"    the operands after either replace the positional parameters, and with\n"
	"    none they stay as they are (as in dash and bash).  With no arguments,\n"
	"    lists all variables, sorted, as name='value' lines.  With -o or +o\n"
	"    alone, lists the options.  Status 0; 2 for an unknown option, which\n"
	"    ends a non-interactive shell.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ set -- a b c\n"
	"          $ echo $# $2\n"
	"          3 b\n"
},
{ "shift",
	"Discards the first n positional parameters (default 1) and...",
	"shift [n]\n"
	,
	"shift [n]\n"
	"    Discards the first n positional parameters (default 1) and renumbers\n"
	"    the rest.  Shifting more than $# is an error.  Status 0; 2 (an error)\n"
	"    when n is not a number or is larger than $#.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ set -- a b c\n"
	"          $ shift 2; echo $1\n"
	"          c\n"
},
{ "source",
	"Reads and runs the commands of file in the current shell",
	". file [arg ...]\n"
	"source file [arg ...]\n"
	,
	". file [arg ...]\n"
	"source file [arg ...]\n"
	"    Reads and runs the commands of file in the current shell.  With args,\n"
	"    they are the positional parameters while file runs.  source is the same\n"
	"    builtin under the name bash gives it (an extension; special, as in\n"
	"    bash's POSIX mode).  A file without a `/' is searched for in PATH (the\n"
	"    current directory is not searched unless PATH includes it).  return\n"
	"    ends the file early.  Status: that of the last command run, or 0; a\n"
	"    file that cannot be found or read is an error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ echo 'echo \"hello, $1\"' > hi.sh\n"
	"          $ . ./hi.sh world\n"
	"          hello, world\n"
},
{ "subst",
	"Prints each string, or each line of standard input, with the...",
	"subst [-gi] pattern replacement [string ...]\n"
	"subst [-gi] -e pattern replacement [string ...]\n"
	,
	"subst [-gi] pattern replacement [string ...]\n"
	"subst [-gi] -e pattern replacement [string ...]\n"
	"    Prints each string, or each line of standard input, with the first\n"
	"    match of pattern replaced by replacement, followed by a newline;\n"
	"    subjects without a match are printed unchanged.\n"
	"\n"
	"    -e pattern\n"
	"            The pattern, even if it starts with `-'.\n"
	"\n"
	"    -g      Replace every match, as `s///g' in sed(1).  After an empty\n"
	"            match the next match may not be empty at the same place, as in\n"
	"            Perl: `subst -g 'a*' x baaac' prints `xbxxcx'.\n"
	"\n"
	"    -i      Ignore case.\n"
	"\n"
	"    In replacement:\n"
	"    $n, ${n}        capture group n (all the digits that follow);\n"
	"    \\d              capture group d, one digit, as in sed(1);\n"
	"    $0, $&, ${0}    the whole match;\n"
	"    ${name}, $name  the named group name;\n"
	"    $$, \\$          a dollar sign;\n"
	"    \\\\              a backslash;\n"
	"    \\n, \\t          a newline, a tab;\n"
	"    \\c              any other character c, itself.\n"
	"    A group that took no part in the match is empty.  A group that the\n"
	"    pattern does not have, or a `$' followed by anything else, is an error\n"
	"    reported before any input is read.\n"
	"\n"
	"    Status 0 if a subject had a match, 1 if none had, 2 for a bad pattern,\n"
	"    a bad replacement or a usage error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ subst -g o 0 foo\n"
	"          f00\n"
},
{ "test",
	"Evaluates expression",
	"test expression\n"
	"[ expression ]\n"
	,
	"test expression\n"
	"[ expression ]\n"
	"    Evaluates expression; status 0 if true, 1 if false, 2 on error.\n"
	"    Operands are decided by their number, as POSIX specifies: with one\n"
	"    argument, true if it is not empty; with two, `!' and an argument or a\n"
	"    unary primary; with three, a binary primary, `!' and two arguments, or\n"
	"    a parenthesized argument; with four, `!' and three arguments or a\n"
	"    parenthesized two.  With more, the operators below apply with\n"
	"    precedence, from highest: primaries, `!', -a, -o, with `(' and `)' for\n"
	"    grouping.\n"
	"\n"
	"    -b file    block special file\n"
	"    -c file    character special file\n"
	"    -d file    directory\n"
	"    -e file    exists\n"
	"    -f file    regular file\n"
	"    -h file, -L file\n"
	"               symbolic link\n"
	"    -p file    named pipe\n"
	"    -r file    readable by the shell\n"
	"    -S file    socket\n"
	"    -s file    size greater than zero\n"
	"    -t fd      descriptor fd is a terminal\n"
	"    -w file    writable by the shell\n"
	"    -x file    executable (searchable, for a directory) by the shell\n"
	"    -n string  not empty\n"
	"    -z string  empty\n"
	"    s1 = s2, s1 != s2\n"
	"               strings equal, not equal\n"
	"    n1 -eq n2  integers equal; also -ne, -lt, -le, -gt, -ge\n"
	"    f1 -nt f2  f1 is newer (modification time) than f2, or exists and f2\n"
	"               does not\n"
	"    f1 -ot f2  f1 is older than f2, or f2 exists and f1 does not\n"
	"    f1 -ef f2  same device and inode\n"
	"    e1 -a e2   both true\n"
	"    e1 -o e2   either true\n"
	"    ! e        e is false\n"
	"\n"
	"    File primaries other than -h and -L follow symbolic links.  An integer\n"
	"    operand that is not a number is an error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ test 3 -lt 10 && echo smaller\n"
	"          smaller\n"
	"          $ [ -d /tmp ]; echo $?\n"
	"          0\n"
},
{ "thread",
	"Start command, usually a function, as a background job that runs...",
	"thread command [argument ...]\n"
	,
	"thread command [argument ...]\n"
	"    Start command, usually a function, as a background job that runs as a\n"
	"    thread of the shell and shares its state, as a thread stage does.  Its\n"
	"    status is 0 unless the thread cannot be started.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ f() { echo \"in a thread: $1\"; }\n"
	"          $ thread f x; wait\n"
	"          in a thread: x\n"
},
{ "times",
	"Writes the user and system CPU times used by the shell, then...",
	"times\n"
	,
	"times\n"
	"    Writes the user and system CPU times used by the shell, then those used\n"
	"    by its finished children, one pair per line, as `0m0.010s 0m0.003s'.\n"
	"    Status 0.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ times\n"
	"          0m0.003189s 0m0.000000s\n"
	"          0m0.000000s 0m0.000000s\n"
},
{ "trap",
	"Sets the action for each condition (see TRAPS)",
	"trap action condition ...\n"
	"trap [-p] [condition ...]\n"
	,
	"trap action condition ...\n"
	"trap [-p] [condition ...]\n"
	"    Sets the action for each condition (see TRAPS).  An action of `-'\n"
	"    resets the conditions to their default; an empty action ignores them.\n"
	"    If the first operand is an unsigned decimal integer, every operand is a\n"
	"    condition to reset.  With -p, or with no operand at all, lists the\n"
	"    traps that are set (all, or the named ones) as `trap -- 'action' NAME'\n"
	"    lines.  An unknown condition is an error (status 1).\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ trap 'echo caught' USR1\n"
	"          $ kill -USR1 $$\n"
	"          caught\n"
	"          $ trap -p USR1\n"
	"          trap -- 'echo caught' USR1\n"
},
{ "true",
	"Does nothing, successfully",
	"true\n"
	,
	"true\n"
	"    Does nothing, successfully: status 0.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ true && echo succeeded\n"
	"          succeeded\n"
},
{ "type",
	"Writes how each name would be interpreted as a command",
	"type name ...\n"
	,
	"type name ...\n"
	"    Writes how each name would be interpreted as a command: a reserved\n"
	"    word, an alias (with its value), a special builtin, a function, a\n"
	"    builtin, or the path of an external command.  Status 1 if a name is not\n"
	"    found.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ type cd\n"
	"          cd is a shell builtin\n"
},
{ "ulimit",
	"Writes or sets a resource limit of the shell, inherited by the...",
	"ulimit [-H | -S] [-a | -c | -d | -f | -n | -s | -t | -u | -v] [limit]\n"
	,
	"ulimit [-H | -S] [-a | -c | -d | -f | -n | -s | -t | -u | -v] [limit]\n"
	"    Writes or sets a resource limit of the shell, inherited by the commands\n"
	"    it starts.  limit is a number or `unlimited'.  -H applies to the hard\n"
	"    limit, -S to the soft one; setting without either sets both, and\n"
	"    writing without either writes the soft limit.  -a writes all limits.\n"
	"    The resources, with units:\n"
	"    -c      core file size, 512-byte blocks\n"
	"    -d      data segment size, KiB\n"
	"    -f      size of files written, 512-byte blocks (the default resource)\n"
	"    -n      open file descriptors\n"
	"    -s      stack size, KiB\n"
	"    -t      CPU time, seconds\n"
	"    -u      processes of the user\n"
	"    -v      virtual memory, KiB\n"
	"    Status 1 if the limit cannot be read or set, 2 for a bad number or a\n"
	"    usage error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ ulimit -S -n 256\n"
	"          $ ulimit -n\n"
	"          256\n"
},
{ "umask",
	"Sets the file creation mask of the shell to mask, an octal...",
	"umask [-S] [mask]\n"
	,
	"umask [-S] [mask]\n"
	"    Sets the file creation mask of the shell to mask, an octal number or a\n"
	"    symbolic mode as for chmod(1) (`u=rwx,g=rx,o=').  Without mask, writes\n"
	"    the mask as four octal digits, or, with -S, in symbolic form\n"
	"    (`u=rwx,g=rx,o=rx').  Status 1 for a bad mask, 2 for a usage error.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ umask 022\n"
	"          $ umask -S\n"
	"          u=rwx,g=rx,o=rx\n"
},
{ "unalias",
	"Removes each alias, or, with -a, every alias",
	"unalias name ...\n"
	"unalias -a\n"
	,
	"unalias name ...\n"
	"unalias -a\n"
	"    Removes each alias, or, with -a, every alias.  Status 1 if a name is\n"
	"    not an alias.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ alias a=b c=d\n"
	"          $ unalias -a\n"
	"          $ alias | wc -l\n"
	"          0\n"
},
{ "unlock",
	"Release each lock name, which the current stage must hold",
	"unlock name ...\n"
	,
	"unlock name ...\n"
	"    Release each lock name, which the current stage must hold; status 1 if\n"
	"    it does not (another stage's lock cannot be released).\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ lock n; echo locked; unlock n\n"
	"          locked\n"
},
{ "unset",
	"Unsets each variable (-v), or each function (-f)",
	"unset [-f | -v] name ...\n"
	,
	"unset [-f | -v] name ...\n"
	"    Unsets each variable (-v), or each function (-f).  Without an option,\n"
	"    unsets the variable name, or, if there is no such variable, the\n"
	"    function.  Unsetting a name that is not set is not an error; unsetting\n"
	"    a read-only variable is.  Status 2 (an error) for a read-only variable\n"
	"    or a name that is not a valid variable name.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ x=1; unset x\n"
	"          $ echo \"${x-unset}\"\n"
	"          unset\n"
},
{ "wait",
	"Waits for the given processes or jobs, or, without operands, for...",
	"wait [pid | job ...]\n"
	,
	"wait [pid | job ...]\n"
	"    Waits for the given processes or jobs, or, without operands, for every\n"
	"    known child; the status is then 0.  An operand that starts with `-' is\n"
	"    an invalid option (status 2); -- ends the options.  With operands, the\n"
	"    status is that of the last one; 127 if it is not a child of the shell.\n"
	"    A stopped job does not end on its own: waiting for it returns 128 plus\n"
	"    the stop signal at once (147 for SIGTSTP), and wait without operands\n"
	"    does not wait for stopped jobs.  The status of a job stays available to\n"
	"    wait pid after it was reported (for the newest 1024 processes).  A\n"
	"    trapped signal interrupts the wait; the status is then 128 plus the\n"
	"    signal number, and the trap runs.\n"
	"\n"
	"    Example:\n"
	"\n"
	"          $ (exit 3) &\n"
	"          $ wait $!; echo $?\n"
	"          3\n"
},
};

const size_t builtin_help_len = sizeof builtin_help_table / sizeof builtin_help_table[0];

/* the .Sh sections of the tutorial, then of the reference */
const char *const builtin_help_lessons[] = {
	"DESCRIPTION",
	"GETTING STARTED",
	"COMMANDS AND PIPELINES",
	"QUOTING AND EXPANSIONS",
	"CONTROL FLOW",
	"FUNCTIONS",
	"ERRORS AND DEBUGGING",
	"THREAD STAGES",
	"REGULAR EXPRESSIONS",
	"SOCKETS",
	"JOB CONTROL",
	"ANSWERS",
	"WHERE TO GO FROM HERE",
	NULL
};

const char *const builtin_help_sections[] = {
	"SYNOPSIS",
	"DESCRIPTION",
	"INVOCATION",
	"INTERACTIVE USE",
	"COMMAND HISTORY",
	"COMPLETION",
	"PROMPTING",
	"SHELL GRAMMAR",
	"QUOTING",
	"EXPANSION",
	"SPECIAL PARAMETERS",
	"SHELL VARIABLES",
	"REDIRECTION",
	"SOCKETS",
	"EXECUTION",
	"THREAD STAGES",
	"JOB CONTROL",
	"REGULAR EXPRESSIONS",
	"OPTIONS",
	"TRAPS",
	"BUILTIN COMMANDS",
	"ERRORS AND EXIT STATUS",
	"ENVIRONMENT",
	"FILES",
	"EXIT STATUS",
	"EXAMPLES",
	"COMING FROM BASH",
	NULL
};
