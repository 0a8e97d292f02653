#!/usr/bin/env python3
# check-boundaries.py — the layers of STYLE.md hold: nothing outside src/model reaches into SQLite
# or the model's private headers; the model knows no GTK, cairo or Pango; the charts know no GTK.
#
# Usage: check-boundaries.py SOURCE_ROOT      check the tree, exit 1 with one line per breach
#        check-boundaries.py --self-test      show that each rule catches what it should
#
# The rules:
# - src/ui, src/charts, src/cli: no #include of sqlite3.h, no call of a sqlite3_ function, and
#   no #include of a *-private.h that lives under src/model (their own private headers are fine).
# - tests/ outside tests/model: no #include of a src/model *-private.h. Tests that must write raw
#   SQL (damaged files, migrations) open the file with sqlite3 themselves.
# - src/model: no GTK, libadwaita, cairo or Pango include.  src/charts: no GTK or libadwaita.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
SQLITE_CALL = re.compile(r'(?<![A-Za-z0-9_])sqlite3_[a-z_0-9]+\s*\(')
COMMENTS = re.compile(r'"(?:\\.|[^"\\\n])*"|/\*.*?\*/|//[^\n]*', re.S)


def sources(root, top):
    base = os.path.join(root, top)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(('.c', '.h')):
                path = os.path.join(dirpath, name)
                yield os.path.relpath(path, root).replace(os.sep, '/'), path


def model_private_headers(root):
    found = set()
    for rel, _ in sources(root, 'src/model'):
        name = rel.rsplit('/', 1)[-1]
        if name.endswith('-private.h'):
            found.add(name)
    return found


def check(root):
    breaches = []
    private = model_private_headers(root)

    for top in ('src/ui', 'src/charts', 'src/cli'):
        for rel, path in sources(root, top):
            text = open(path, encoding='utf-8', errors='replace').read()
            for inc in INCLUDE.findall(text):
                name = inc.rsplit('/', 1)[-1]
                if name == 'sqlite3.h':
                    breaches.append(f'{rel}: includes sqlite3.h — SQL belongs in src/model')
                elif name in private:
                    breaches.append(f'{rel}: includes the model\'s private {name} — use a public model call')
            code = COMMENTS.sub(' ', text)
            if SQLITE_CALL.search(code):
                breaches.append(f'{rel}: calls sqlite3 directly — SQL belongs in src/model')

    for rel, path in sources(root, 'tests'):
        if rel.startswith('tests/model/'):
            continue
        text = open(path, encoding='utf-8', errors='replace').read()
        for inc in INCLUDE.findall(text):
            name = inc.rsplit('/', 1)[-1]
            if name in private:
                breaches.append(f'{rel}: includes the model\'s private {name} — only tests/model may')

    forbidden = {
        'src/model': re.compile(r'^(gtk/|adwaita|cairo|pango)'),
        'src/charts': re.compile(r'^(gtk/|adwaita)'),
    }
    for top, pattern in forbidden.items():
        for rel, path in sources(root, top):
            text = open(path, encoding='utf-8', errors='replace').read()
            for inc in INCLUDE.findall(text):
                if pattern.search(inc):
                    breaches.append(f'{rel}: includes {inc} — {top} must not depend on it')
    return breaches


def self_test():
    """Each rule, on a small tree: a clean tree passes, each breach is reported."""
    cases = {
        'src/ui/a.c': ('#include <sqlite3.h>\n', 'includes sqlite3.h'),
        'src/cli/b.c': ('#include "sp-store-private.h"\n', "private sp-store-private.h"),
        'src/charts/c.c': ('void f (void) { sqlite3_exec (0, 0, 0, 0, 0); }\n', 'calls sqlite3'),
        'tests/ui/d.c': ('#include "sp-store-private.h"\n', 'only tests/model may'),
        'src/model/e.c': ('#include <gtk/gtk.h>\n', 'includes gtk/gtk.h'),
        'src/charts/f.c': ('#include <adwaita.h>\n', 'includes adwaita.h'),
    }
    allowed = {
        'src/model/store/sp-store-private.h': '/* private */\n',
        'src/model/store/sp-store.c': '#include <sqlite3.h>\n#include "sp-store-private.h"\n',
        'src/ui/window/sp-window-private.h': '/* the UI\'s own */\n',
        'src/ui/window/sp-window.c': '#include "sp-window-private.h"\n/* sqlite3_exec () in a comment */\n',
        'tests/model/store/test-store.c': '#include "sp-store-private.h"\n#include <sqlite3.h>\n',
        'tests/cli/runner.c': '#include <sqlite3.h>\n',
    }
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        def write(rel, text):
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
        for rel, text in allowed.items():
            write(rel, text)
        if check(tmp):
            print('self-test: the clean tree is reported:', check(tmp))
            failures += 1
        for rel, (text, expected) in cases.items():
            write(rel, text)
            found = [b for b in check(tmp) if b.startswith(rel + ':')]
            if not any(expected in b for b in found):
                print(f'self-test: {rel} with {text.strip()!r} is not reported as {expected!r}: {found}')
                failures += 1
            os.remove(os.path.join(tmp, rel))
    if failures == 0:
        print(f'self-test: {len(cases)} breaches caught, the clean tree passes')
    return failures


def main():
    if len(sys.argv) == 2 and sys.argv[1] == '--self-test':
        return 1 if self_test() else 0
    if len(sys.argv) != 2:
        print(__doc__ or 'usage: check-boundaries.py SOURCE_ROOT | --self-test', file=sys.stderr)
        return 2
    breaches = check(sys.argv[1])
    for b in breaches:
        print(b)
    if not breaches:
        print('the layers hold: no SQL or model-private header outside src/model')
    return 1 if breaches else 0


if __name__ == '__main__':
    sys.exit(main())
