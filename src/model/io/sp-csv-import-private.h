/* sp-csv-import-private.h — what the CSV importers share: the read loop and the preview /
 * commit skeleton (see sp-csv-import.c)
 *
 * An importer describes itself with an SpCsvImporter (its fields, its undo label, callbacks
 * for the header, each record and the end of a commit) and keeps only what is its own: how a
 * record is parsed and checked and which rows it writes.
 *
 * Only src/model includes this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-history-import.h"
#include "sp-money.h"
#include "sp-store-private.h"

G_BEGIN_DECLS

/* Where a pass keeps its counts: the members every importer's preview has. */
typedef struct
{
  SpCsvEncoding  *encoding;
  guint64        *rows_read;
  guint64        *rows_accepted;
  guint64        *rows_rejected;
  GPtrArray      *rejected;      /* SpHistoryRejectedRow*, the first MAX_REJECTED */
  char          **backup_path;
  /* A detached commit's rows (sp_csv_import_run_commit_detached()); NULL in an importer that
   * has none. */
  SpStoreInserts **inserts;
} SpCsvImportTally;

/* The tally of a preview struct that has those members under those names. */
#define SP_CSV_IMPORT_TALLY(preview) \
  ((SpCsvImportTally) { &(preview)->encoding, &(preview)->rows_read, \
                        &(preview)->rows_accepted, &(preview)->rows_rejected, \
                        (preview)->rejected, &(preview)->backup_path })

typedef enum
{
  SP_CSV_IMPORT_FAILURE_EMPTY,     /* the file has no header row */
  SP_CSV_IMPORT_FAILURE_REJECTED,  /* a commit refused because rows were rejected */
} SpCsvImportFailure;

typedef struct _SpCsvImport SpCsvImport;

typedef struct
{
  /* The importer's fields (sp_csv_history_fields() and the like). */
  const SpCsvField *(*fields) (guint *n_fields);
  /* N_() label of the commit's undo step; NULL when @finish writes everything with an edit
   * of its own (the driver then opens none). */
  const char       *edit_label;
  /* The sp_store_backup() reason for a commit over the undo limit. */
  const char       *backup_reason;

  /* Allocates the importer's state (returned, then import->data) and its preview, and points
   * import->tally at the preview's counts. */
  gpointer (*pass_new)  (SpCsvImport         *import);
  /* Frees the state; returns the preview when @keep_preview, else frees it too. */
  gpointer (*pass_free) (SpCsvImport         *import,
                         gboolean             keep_preview);
  /* After the header is mapped and validated; in a commit, inside the edit. May be NULL. */
  gboolean (*start)     (SpCsvImport         *import,
                         const char * const  *header,
                         guint                n_columns,
                         GError             **error);
  /* One record with the header's number of fields. A bad row is rejected with
   * sp_csv_import_reject*() and TRUE returned; a row returning TRUE without a rejection is
   * counted as accepted. FALSE (with @error) stops the import. */
  gboolean (*record)    (SpCsvImport         *import,
                         const char * const  *cells,
                         guint                n_cells,
                         guint                line,
                         GError             **error);
  /* A commit whose rows are accepted, before its edit is committed. May be NULL. */
  gboolean (*finish)    (SpCsvImport         *import,
                         GError             **error);
  /* The errors of an empty file and of a refused commit. NULL: the history import's
   * (SP_HISTORY_IMPORT_ERROR_EMPTY, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS). */
  void     (*set_error) (SpCsvImportFailure   failure,
                         guint64              n_rejected,
                         GError             **error);
} SpCsvImporter;

struct _SpCsvImport
{
  const SpCsvImporter          *importer;
  SpStore                      *store;
  sqlite3                      *db;
  const SpHistoryImportOptions *options;    /* never NULL */
  const SpCurrency             *currency;   /* the workspace's */
  SpCsvImportTally              tally;      /* set by pass_new() */
  gpointer                      data;       /* what pass_new() returned */
  gboolean                      commit;
  gboolean                      undoable;   /* a commit within the undo limit */
  gboolean                      detached;   /* on a worker's connection, recorded elsewhere */
  guint64                       file_size;  /* in bytes, once the pass has opened it */
  SpCsvColumnMap               *map;        /* while a pass runs */
  SpHistoryProgressFunc         progress;
  gpointer                      progress_data;
  GCancellable                 *cancellable;
};

/* Reads the whole of @file once and returns the preview, writing nothing; NULL on an error.
 * @options may be NULL (the defaults). */
gpointer     sp_csv_import_run_preview   (const SpCsvImporter          *importer,
                                          SpStore                      *store,
                                          GFile                        *file,
                                          const SpHistoryImportOptions *options,
                                          SpHistoryProgressFunc         progress,
                                          gpointer                      user_data,
                                          GCancellable                 *cancellable,
                                          GError                      **error);

/* Reads @file again and writes it as described above. @out (may be NULL) receives the
 * preview of what was done, or of a commit refused for its rejected rows (which it lists). */
gboolean     sp_csv_import_run_commit    (const SpCsvImporter          *importer,
                                          SpStore                      *store,
                                          GFile                        *file,
                                          const SpHistoryImportOptions *options,
                                          SpHistoryProgressFunc         progress,
                                          gpointer                      user_data,
                                          GCancellable                 *cancellable,
                                          gpointer                     *out,
                                          GError                      **error);

/* The same on @worker, a connection of its own to the workspace file (a worker thread's):
 * within the undo limit nothing is recorded there, and the rows added go to the preview's
 * inserts (tally.inserts), for the window's store to record as one undo step
 * (sp_store_record_inserts()). Over the limit it is the same as sp_csv_import_run_commit(). */
gboolean     sp_csv_import_run_commit_detached (const SpCsvImporter          *importer,
                                                SpStore                      *worker,
                                                GFile                        *file,
                                                const SpHistoryImportOptions *options,
                                                SpHistoryProgressFunc         progress,
                                                gpointer                      user_data,
                                                GCancellable                 *cancellable,
                                                gpointer                     *out,
                                                GError                      **error);

/* Counts a rejected row; keeps @message (which names the line; taken) for the first ones. */
void         sp_csv_import_reject        (SpCsvImport                  *import,
                                          guint                         line,
                                          char                         *message);
/* The same with "Line N: " and @message. */
void         sp_csv_import_reject_text   (SpCsvImport                  *import,
                                          guint                         line,
                                          const char                   *message);

/* The cell trimmed, or NULL when that leaves it empty. */
char        *sp_csv_import_dup_cell      (SpCsvImport                  *import,
                                          const char * const           *cells,
                                          guint                         n_cells,
                                          guint                         field);

void         sp_csv_import_rejected_row_free (gpointer                  row);

/* The workspace's currency (CNY when it names none we know). */
const SpCurrency *sp_csv_import_store_currency (SpStore                *store);

G_END_DECLS
