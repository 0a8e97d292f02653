/* sp-history-import-dialog.h — imports history orders from a CSV file: a preview to check
 * and adjust (columns, encoding, date order), then one commit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_HISTORY_IMPORT_DIALOG (sp_history_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpHistoryImportDialog, sp_history_import_dialog, SP,
                      HISTORY_IMPORT_DIALOG, AdwWindow)

/* A modal window over @parent that imports into @store (the window's own connection, so the
 * import is one step of its undo history). On success it emits ::imported (guint64 orders,
 * const char *backup_path: NULL when the import can be undone with win.undo, else the
 * backup that undoes it) and closes. */
GtkWidget *sp_history_import_dialog_new       (GtkWindow             *parent,
                                               SpStore               *store);

/* Previews @file as if it had been chosen in the file chooser or dropped on the dialog. */
void       sp_history_import_dialog_load_file (SpHistoryImportDialog *self,
                                               GFile                 *file);

/* TRUE while a preview or the import is running in its worker thread. */
gboolean   sp_history_import_dialog_get_busy  (SpHistoryImportDialog *self);

G_END_DECLS
