/* sp-history-import-dialog-private.h — what the history import dialog's files share: the
 * dialog's struct and its worker jobs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-model.h"

#include "sp-history-import-dialog.h"

G_BEGIN_DECLS

/* One preview or commit, run in a GTask thread. The inputs are set before it starts and
 * not touched by the main thread afterwards; the outputs are read once it has finished. */
typedef struct
{
  /* In */
  gboolean          commit;
  SpStore          *store;        /* the worker's own, opened from @workspace in its thread */
  char             *workspace;
  GFile            *file;
  SpCsvEncoding     encoding;
  SpCsvDateOrder    date_order;
  char            **overrides;    /* "field=column" specs, in the order the user chose them */
  /* Progress, 0..1000: written by the worker, read by the main thread (atomically). */
  int               permille;
  /* Out */
  char            **headers;      /* preview: the file's header row ("" for a blank one) */
  int               columns[SP_CSV_HISTORY_N_FIELDS];  /* preview: each field's column, or -1 */
  SpHistoryPreview *preview;      /* may be set with @error when rows were refused */
  GError           *error;
} SpHistoryJob;

SpHistoryJob *_sp_history_job_new  (void);
void          _sp_history_job_free (SpHistoryJob        *job);

/* Runs @job (owned by the task from now on) in a thread; @callback gets the GTask, and
 * g_task_get_task_data() is the job with its outputs set. */
GTask        *_sp_history_job_run  (gpointer             source_object,
                                    SpHistoryJob        *job,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);

/* The dialog, shared with sp-history-import-dialog-preview.c. */
struct _SpHistoryImportDialog
{
  AdwWindow         parent_instance;

  SpStore          *store;
  GFile            *file;
  char            **headers;        /* of the last preview; NULL before one */
  GPtrArray        *overrides;      /* "field=column" the user chose, latest last */
  SpHistoryPreview *preview;
  GtkStringList    *rejected_model;
  AdwComboRow      *mapping_rows[SP_CSV_HISTORY_N_FIELDS];

  GCancellable     *cancellable;    /* of the running job */
  GTask            *task;           /* the running job */
  gboolean          committing;
  gboolean          rerun;          /* preview again once the running one has stopped */
  gboolean          close_after;    /* closed while committing: go once it has stopped */
  gboolean          updating;       /* setting the choosers, not the user */
  gboolean          disposed;
  guint             progress_source;

  /* Template children */
  AdwWindowTitle   *window_title;
  GtkWidget        *import_button;
  GtkStack         *stack;
  AdwStatusPage    *busy_page;
  GtkProgressBar   *busy_progress;
  AdwPreferencesGroup *error_group;
  GtkLabel         *error_label;
  AdwActionRow     *file_row;
  AdwComboRow      *encoding_row;
  AdwComboRow      *date_order_row;
  AdwPreferencesGroup *summary_group;
  GtkLabel         *rows_label;
  GtkLabel         *accepted_label;
  GtkLabel         *rejected_label;
  GtkLabel         *total_label;
  AdwPreferencesGroup *rejected_group;
  GtkListView      *rejected_list;
  AdwPreferencesGroup *mapping_group;
  AdwPreferencesGroup *new_group;
  AdwActionRow     *new_regions_row;
  AdwActionRow     *new_reps_row;
  AdwActionRow     *new_products_row;
  AdwActionRow     *new_customer_types_row;
};

/* sp-history-import-dialog-preview.c */
void  _sp_history_import_dialog_show_preview (SpHistoryImportDialog *self);
/* Fills the column choosers from self->headers (rebuilt when @headers_changed) and selects
 * @columns (-1: none) without re-running the preview. */
void  _sp_history_import_dialog_show_mapping (SpHistoryImportDialog *self,
                                              const int             *columns,
                                              gboolean               headers_changed);
/* The override that gives @field the column at chooser position @selected (0: none). */
char *_sp_history_import_dialog_mapping_spec (SpHistoryImportDialog *self,
                                              guint                  field,
                                              guint                  selected);

G_END_DECLS
