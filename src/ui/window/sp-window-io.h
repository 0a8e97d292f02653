/* sp-window-io.h — what the application asks of a window's import: a file opened from Files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-window.h"

G_BEGIN_DECLS

/* Replaces @self's workspace with the .salesplan file at @path in a worker (a backup first;
 * the toast's Undo restores it), as win.import does once the user has confirmed. FALSE if
 * the window is busy with another job. */
gboolean sp_window_import_file (SpWindow   *self,
                                const char *path);

G_END_DECLS
