#!/usr/bin/env python3
# check-mime.py — the .salesplan MIME type: its glob and its magic, as Files sees them
#
# Usage: check-mime.py MIME_XML CLI
#
# Installs the built shared-mime-info file into a temporary XDG_DATA_HOME, runs
# update-mime-database on it, makes a workspace with the CLI, and asks `xdg-mime query
# filetype` (through GIO, as under GNOME) what each file is: the workspace by its name, the
# same bytes under a name without the suffix (magic: SQLite header + application_id "SPln"
# at offset 68), another program's SQLite file, and a text file named *.salesplan.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

OURS = 'application/x-sales-planner'


def main(argv):
    if len(argv) != 3:
        print('usage: check-mime.py MIME_XML CLI', file=sys.stderr)
        return 2
    mime_xml, cli = argv[1:]
    errors = []

    with tempfile.TemporaryDirectory(prefix='sp-mime-') as tmp:
        data_home = os.path.join(tmp, 'data')
        packages = os.path.join(data_home, 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(mime_xml, os.path.join(packages, 'com.example.SalesPlanner.xml'))
        subprocess.run(['update-mime-database', os.path.join(data_home, 'mime')], check=True)

        env = dict(os.environ)
        env.update({
            'XDG_DATA_HOME': data_home,
            'XDG_DATA_DIRS': '/usr/local/share:/usr/share',
            'XDG_CURRENT_DESKTOP': 'GNOME',
            'DE': 'gnome',
            'SALES_PLANNER_FILE': os.path.join(tmp, 'default.salesplan'),
        })

        workspace = os.path.join(tmp, 'Plan 2026.salesplan')
        subprocess.run([cli, 'init', '--file', workspace], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        with open(workspace, 'rb') as f:
            header = f.read(100)
        if header[:16] != b'SQLite format 3\0' or header[68:72] != b'SPln':
            errors.append(f'the CLI\'s workspace has no SPln application_id: {header[68:72]!r}')

        renamed = os.path.join(tmp, 'renamed-without-suffix')
        shutil.copy(workspace, renamed)

        foreign = os.path.join(tmp, 'other-program')
        db = sqlite3.connect(foreign)
        db.execute('CREATE TABLE t (x)')
        db.commit()
        db.close()

        text = os.path.join(tmp, 'notes.salesplan')
        with open(text, 'w', encoding='utf-8') as f:
            f.write('not a workspace\n')

        expected = [
            (workspace, OURS),              # the glob
            (renamed, OURS),                # the magic alone
            (foreign, 'application/vnd.sqlite3'),  # SQLite, but not ours
            (text, OURS),                   # the glob alone decides, as in Files
        ]
        for path, mime in expected:
            out = subprocess.run(['xdg-mime', 'query', 'filetype', path], env=env,
                                 capture_output=True, text=True)
            got = out.stdout.strip()
            if out.returncode != 0 or got != mime:
                errors.append(f'{os.path.basename(path)}: xdg-mime says {got!r} '
                              f'(exit {out.returncode}, {out.stderr.strip()!r}), expected {mime!r}')
            else:
                print(f'{os.path.basename(path)}: {got}')

    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
