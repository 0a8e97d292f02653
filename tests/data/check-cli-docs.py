#!/usr/bin/env python3
# check-cli-docs.py — the generated man page lists every command of sales-planner-cli, and the
# generated bash completion loads in bash and completes commands, options and option values
#
# Usage: check-cli-docs.py CLI MAN_PAGE COMPLETION
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile


def commands_of(cli):
    env = dict(os.environ, LC_ALL='C.UTF-8')
    env.pop('LANGUAGE', None)
    out = subprocess.run([cli, '--help'], env=env, check=True, capture_output=True,
                         text=True).stdout
    listed = out.split('Commands:\n', 1)[1].split('\n\n', 1)[0]
    return [line.split()[0] for line in listed.splitlines()]


def complete(completion, words, cword, cwd):
    script = (f'source {completion!r}; COMP_WORDS=({" ".join(words)}); COMP_CWORD={cword}; '
              '_sales_planner_cli; echo "${COMPREPLY[@]}"')
    out = subprocess.run(['bash', '--norc', '--noprofile', '-c', script], cwd=cwd,
                         capture_output=True, text=True)
    if out.returncode != 0 or out.stderr:
        raise SystemExit(f'bash failed on {words}: {out.stderr.strip()}')
    return out.stdout.strip()


def main(argv):
    if len(argv) != 4:
        print('usage: check-cli-docs.py CLI MAN_PAGE COMPLETION', file=sys.stderr)
        return 2
    cli, man_page, completion = (os.path.abspath(a) for a in argv[1:])
    errors = []
    commands = commands_of(cli)
    if len(commands) < 20:
        errors.append(f'only {len(commands)} commands in --help: {commands}')

    with open(man_page, encoding='utf-8') as f:
        man = f.read()
    for name in ('.TH SALES\\-PLANNER\\-CLI 1', '.SH NAME', '.SH SYNOPSIS', '.SH COMMANDS',
                 '.SH EXIT STATUS', 'flatpak run \\-\\-command=sales\\-planner\\-cli'):
        if name not in man:
            errors.append(f'the man page has no {name!r}')
    for command in commands:
        if f'.SS \\fB{command.replace("-", chr(92) + "-")}\\fR' not in man:
            errors.append(f'the man page does not list the command {command!r}')
    if shutil.which('man'):
        out = subprocess.run(['man', '--warnings', '-l', '-Tutf8', man_page],
                             capture_output=True, text=True,
                             env=dict(os.environ, MANWIDTH='80', LC_ALL='C.UTF-8'))
        if out.returncode != 0 or out.stderr.strip():
            errors.append(f'man -l: exit {out.returncode}: {out.stderr.strip()}')

    with tempfile.TemporaryDirectory(prefix='sp-completion-') as tmp:
        open(os.path.join(tmp, 'plan.salesplan'), 'w').close()
        cases = [
            (['sales-planner-cli', 'ren'], 1, 'render'),
            (['sales-planner-cli', 'opp-'], 1, 'opp-import opp-export opp-stage'),
            (['sales-planner-cli', '--'], 1, '--file --version --help'),
            (['sales-planner-cli', '--file', 'x.salesplan', 'wo'], 3, 'worksheet workload'),
            (['sales-planner-cli', 'help', 'exp'], 2, 'export export-breakdown'),
            (['sales-planner-cli', 'worksheet', '--ad'], 2, '--adjust --adopt'),
            (['sales-planner-cli', 'render', '--output', 'pl'], 3, 'plan.salesplan'),
            (['sales-planner-cli', 'render', '--year', ''], 3, ''),
        ]
        for words, cword, expected in cases:
            quoted = ["''" if w == '' else w for w in words]
            got = complete(completion, quoted, cword, tmp)
            if got != expected:
                errors.append(f'{" ".join(words)}<TAB>: {got!r}, expected {expected!r}')
            else:
                print(f'{" ".join(words)}<TAB>: {got}')

    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
