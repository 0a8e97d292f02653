#!/usr/bin/env python3
# check-manifest.py — the Flatpak manifest parses and names the right app, command and permissions
#
# Usage: check-manifest.py MANIFEST APP_ID COMMAND
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

# Exactly these, in this order: nothing beyond what a Wayland/X11 GTK app needs. Files go
# through the portal, so no --filesystem; the app works offline, so no --share=network.
EXPECTED_FINISH_ARGS = [
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]


def main(argv):
    if len(argv) != 4:
        print('usage: check-manifest.py MANIFEST APP_ID COMMAND', file=sys.stderr)
        return 2
    path, app_id, command = argv[1:]
    errors = []

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{path}: cannot read the manifest as JSON: {e}')
        return 1
    if not isinstance(manifest, dict):
        print(f'{path}: the manifest is not a JSON object')
        return 1

    manifest_id = manifest.get('id', manifest.get('app-id'))
    if manifest_id != app_id:
        errors.append(f'id is {manifest_id!r}, expected {app_id!r}')
    if manifest.get('command') != command:
        errors.append(f'command is {manifest.get("command")!r}, expected {command!r}')
    if manifest.get('finish-args') != EXPECTED_FINISH_ARGS:
        errors.append(f'finish-args are {manifest.get("finish-args")!r}, '
                      f'expected exactly {EXPECTED_FINISH_ARGS!r}')
    for key, value in (('runtime', 'org.gnome.Platform'), ('sdk', 'org.gnome.Sdk')):
        if manifest.get(key) != value:
            errors.append(f'{key} is {manifest.get(key)!r}, expected {value!r}')
    if not isinstance(manifest.get('runtime-version'), str):
        errors.append('runtime-version must be a string such as "48"')

    modules = manifest.get('modules')
    if not isinstance(modules, list) or not modules:
        errors.append('modules must be a non-empty list')
    else:
        app = modules[-1]
        if not isinstance(app, dict) or app.get('buildsystem') != 'meson':
            errors.append('the last module (the app itself) must use buildsystem "meson"')

    for e in errors:
        print(f'{path}: {e}')
    if errors:
        return 1
    print(f'{path}: ok ({app_id}, {command}, {len(EXPECTED_FINISH_ARGS)} finish-args)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
