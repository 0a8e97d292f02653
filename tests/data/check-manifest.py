#!/usr/bin/env python3
# check-manifest.py — a Flatpak manifest parses and names the right app, command, permissions,
# a supported GNOME runtime and the right kind of source
#
# Usage: check-manifest.py MANIFEST APP_ID COMMAND release|devel VERSION
#
# release (the root manifest, what Flathub builds): the app from a git source with url, tag
# "v" + VERSION and a full commit; no dir source (Flathub's linter rejects it). Until the
# project has a public repository the url is on example.com and the commit is forty zeros:
# that placeholder is accepted and reported as such.
# devel (build-aux/flatpak/…Devel.json): the app from a dir source that is this source tree,
# for local builds with flatpak-builder.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import sys
from urllib.parse import urlparse

# Exactly these, in this order: nothing beyond what a Wayland/X11 GTK app needs. Files go
# through the portal, so no --filesystem; the app works offline, so no --share=network.
EXPECTED_FINISH_ARGS = [
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]

# GNOME runtimes are supported for two releases (a year): 48 ended in March 2026 when 50 came
# out, 49 when 51 came out in September 2026. 50 is supported until 52 (March 2027).
MIN_SUPPORTED_GNOME = 50
PLACEHOLDER_HOSTS = {'example.com', 'example.org', 'example.net'}
PLACEHOLDER_COMMIT = '0' * 40


def check_sources(path, kind, version, sources, errors, notes):
    if not isinstance(sources, list) or len(sources) != 1 or not isinstance(sources[0], dict):
        errors.append('the app module must have exactly one source')
        return
    source = sources[0]
    if kind == 'release':
        if source.get('type') != 'git':
            errors.append(f'the app\'s source is {source.get("type")!r}, expected "git"')
            return
        url = urlparse(source.get('url', ''))
        if url.scheme != 'https' or not url.hostname:
            errors.append(f'the git url {source.get("url")!r} is not an https url')
        if source.get('tag') != 'v' + version:
            errors.append(f'the tag is {source.get("tag")!r}, expected {"v" + version!r}')
        commit = source.get('commit', '')
        if not re.fullmatch(r'[0-9a-f]{40}', commit):
            errors.append(f'the commit {commit!r} is not a full 40-digit commit id')
        elif commit == PLACEHOLDER_COMMIT or (url.hostname or '') in PLACEHOLDER_HOSTS:
            if commit != PLACEHOLDER_COMMIT or (url.hostname or '') not in PLACEHOLDER_HOSTS:
                errors.append('a placeholder source must have both the example url and the '
                              'zero commit; a real one neither')
            else:
                notes.append('placeholder git source (no public repository yet)')
    else:
        if source.get('type') != 'dir':
            errors.append(f'the app\'s source is {source.get("type")!r}, expected "dir"')
            return
        root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)),
                                             source.get('path', '')))
        if not os.path.isfile(os.path.join(root, 'meson.build')):
            errors.append(f'the dir source {source.get("path")!r} is not the source tree')
        if '.git' not in source.get('skip', []) or 'build' not in source.get('skip', []):
            errors.append('the dir source must skip .git and build')


def main(argv):
    if len(argv) != 6 or argv[4] not in ('release', 'devel'):
        print('usage: check-manifest.py MANIFEST APP_ID COMMAND release|devel VERSION',
              file=sys.stderr)
        return 2
    path, app_id, command, kind, version = argv[1:]
    notes = []
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
    runtime_version = manifest.get('runtime-version')
    if not isinstance(runtime_version, str) or not runtime_version.isdigit():
        errors.append('runtime-version must be a string such as "50"')
    elif int(runtime_version) < MIN_SUPPORTED_GNOME:
        errors.append(f'GNOME {runtime_version} is end-of-life: use {MIN_SUPPORTED_GNOME} or later')

    modules = manifest.get('modules')
    if not isinstance(modules, list) or not modules:
        errors.append('modules must be a non-empty list')
    else:
        app = modules[-1]
        if not isinstance(app, dict) or app.get('buildsystem') != 'meson':
            errors.append('the last module (the app itself) must use buildsystem "meson"')
        else:
            check_sources(path, kind, version, app.get('sources'), errors, notes)
        for module in modules:
            for source in (module.get('sources', []) if isinstance(module, dict) else []):
                if kind == 'release' and isinstance(source, dict) and source.get('type') == 'dir':
                    errors.append(f'module {module.get("name")!r} has a dir source')

    for e in errors:
        print(f'{path}: {e}')
    if errors:
        return 1
    print(f'{path}: ok ({kind}, {app_id}, {command}, GNOME {runtime_version}, '
          f'{len(EXPECTED_FINISH_ARGS)} finish-args)')
    for note in notes:
        print(f'{path}: note: {note}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
