#!/usr/bin/env python3
# check-potfiles.py — po/POTFILES.in lists every source file with translatable strings
#
# Usage: check-potfiles.py SOURCE_ROOT
#
# A file is expected in POTFILES.in when it is under src/ and calls _(), N_(), C_(), NC_()
# or Q_() (C sources and headers), when it is a src/ui/*.ui file, or when it is one of the
# data/*.desktop.in, data/*.metainfo.xml.in or data/*.gschema.xml files. A listed file that
# does not exist is an error too: xgettext would stop on it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

# The marker macros, not preceded by an identifier character (so G_N_ELEMENTS ( is not one).
MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\(')
# Comments and the contents of string literals are dropped before searching ("N_() here" in a
# comment is no translatable string); literals are matched first so "/*" in one is no comment.
C_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)


def strip_comments(text):
    def blank(m):
        token = m.group(0)
        if token.startswith('/'):
            return ' '
        return token[0] * 2  # "" or ''
    return C_TOKENS.sub(blank, text)


def read_potfiles(path):
    listed = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def expected_files(root):
    expected = set()
    src = os.path.join(root, 'src')
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, '/')
            if name.endswith('.ui') and rel.startswith('src/ui/'):
                expected.add(rel)
            elif name.endswith(('.c', '.h')):
                with open(path, encoding='utf-8', errors='replace') as f:
                    if MARKER.search(strip_comments(f.read())):
                        expected.add(rel)
    data = os.path.join(root, 'data')
    if os.path.isdir(data):
        for name in os.listdir(data):
            if name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                expected.add('data/' + name)
    return expected


def main(argv):
    if len(argv) != 2:
        print('usage: check-potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = argv[1]
    potfiles = os.path.join(root, 'po', 'POTFILES.in')
    listed = read_potfiles(potfiles)
    listed_set = set(listed)

    missing = sorted(expected_files(root) - listed_set)
    absent = sorted(p for p in listed_set if not os.path.isfile(os.path.join(root, p)))
    duplicates = sorted({p for p in listed if listed.count(p) > 1})

    for p in missing:
        print(f'po/POTFILES.in: missing {p} (it has translatable strings)')
    for p in absent:
        print(f'po/POTFILES.in: lists {p}, which does not exist')
    for p in duplicates:
        print(f'po/POTFILES.in: lists {p} more than once')
    if missing or absent or duplicates:
        return 1
    print(f'po/POTFILES.in: ok ({len(listed_set)} files)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
