/* sp-history-import.h — history orders: the CSV import (a preview pass, then one commit), and
 * a fiscal year's total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-csv.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_HISTORY_IMPORT_ERROR (sp_history_import_error_quark ())

typedef enum
{
  SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS, /* commit refused: some rows are bad */
  SP_HISTORY_IMPORT_ERROR_EMPTY,         /* no header row */
} SpHistoryImportError;

/* The preview keeps at most this many rejected rows; rows_rejected counts them all. */
#define SP_HISTORY_IMPORT_MAX_REJECTED 1000

typedef struct
{
  SpCsvEncoding        encoding;        /* AUTO detects UTF-8 (BOM or not) or GB18030 */
  SpCsvDateOrder       date_order;      /* for 03/05/2026 */
  const char * const  *overrides;       /* "field=header" specs (may be NULL) */
  gboolean             allow_rejected;  /* commit: skip bad rows instead of refusing */
  guint64              undo_max_bytes;  /* 0: SP_HISTORY_IMPORT_UNDO_MAX_BYTES */
} SpHistoryImportOptions;

/* A file up to this size is imported as one undo step. A larger one would make the undo log
 * (a copy of every row) the slowest part of the import and hold it in memory, so it is
 * imported after an automatic backup instead, and the undo history is cleared: undoing it is
 * restoring the backup (SpHistoryPreview.backup_path). 16 MiB is about 300,000 rows. */
#define SP_HISTORY_IMPORT_UNDO_MAX_BYTES (G_GUINT64_CONSTANT (16) * 1024 * 1024)

typedef struct
{
  guint  line;     /* 1-based physical line, counting the header */
  char  *message;  /* translated, names the line: "Line 7: …" */
} SpHistoryRejectedRow;

typedef struct
{
  SpCsvEncoding  encoding;       /* what was read */
  guint64        rows_read;      /* data records (header excluded) */
  guint64        rows_accepted;
  guint64        rows_rejected;
  GPtrArray     *rejected;       /* SpHistoryRejectedRow*, the first MAX_REJECTED, by line */
  gint64         total_amount;   /* sum of accepted rows, minor units */
  char          *currency;       /* ISO code the amounts were read in */
  /* Members that do not exist yet and that a commit creates, in order of first use
   * (char*; a rep is "Name (Region)" when the row has a region). */
  GPtrArray     *new_regions;
  GPtrArray     *new_reps;
  GPtrArray     *new_products;
  GPtrArray     *new_customer_types;
  /* Commit of a file larger than the undo limit: the backup written first; else NULL. */
  char          *backup_path;
  /* A detached commit within the undo limit: the rows it added; else NULL. */
  SpStoreInserts *inserts;
} SpHistoryPreview;

/* Called now and then with the bytes consumed so far and the file's size (0 if unknown). */
typedef void (*SpHistoryProgressFunc) (guint64  bytes_read,
                                       guint64  bytes_total,
                                       gpointer user_data);

GQuark            sp_history_import_error_quark (void);

void              sp_history_preview_free       (SpHistoryPreview *preview);

/* Reads the whole of @file (streaming: memory stays flat) and says what an import would do.
 * Writes nothing. Fails on I/O errors, a file it cannot read as CSV (UTF-16, an unclosed
 * quote), missing required columns or a bad override; bad rows are not errors but are
 * listed in the preview. */
SpHistoryPreview *sp_history_import_preview     (SpStore                      *store,
                                                 GFile                        *file,
                                                 const SpHistoryImportOptions *options,
                                                 SpHistoryProgressFunc         progress,
                                                 gpointer                      user_data,
                                                 GCancellable                 *cancellable,
                                                 GError                      **error);

/* Reads @file again and writes its rows, creating missing regions, reps, products and
 * customer types, in one transaction: one undo step labelled "Import order history", or for
 * a file larger than the undo limit, after a backup and without undo. Refused with
 * SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS if any row is bad, unless @options->allow_rejected
 * (bad rows are then skipped). On any error or cancellation nothing is written. @out (may be
 * NULL) receives what was done, or with SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS what would
 * have been done (and the rejected rows), so one pass suffices when there is no preview. */
gboolean          sp_history_import_commit      (SpStore                      *store,
                                                 GFile                        *file,
                                                 const SpHistoryImportOptions *options,
                                                 SpHistoryProgressFunc         progress,
                                                 gpointer                      user_data,
                                                 GCancellable                 *cancellable,
                                                 SpHistoryPreview            **out,
                                                 GError                      **error);

/* The same commit on @worker, a connection of its own to the window's workspace file (opened
 * in the GTask thread that runs it), which leaves the window's store and main loop free.
 * Nothing is recorded for undo on @worker: call sp_history_import_record() on the window's
 * store with @out once it has succeeded. */
gboolean          sp_history_import_commit_detached (SpStore                      *worker,
                                                     GFile                        *file,
                                                     const SpHistoryImportOptions *options,
                                                     SpHistoryProgressFunc         progress,
                                                     gpointer                      user_data,
                                                     GCancellable                 *cancellable,
                                                     SpHistoryPreview            **out,
                                                     GError                      **error);

/* On the window's @store, after sp_history_import_commit_detached() succeeded with @done:
 * records the import as ONE undo step of @store ("Import order history": undo deletes the
 * orders and the members it created, redo puts them back) or, for a file over the undo
 * limit, clears @store's history (done->backup_path undoes it); either way emits "changed"
 * once. Quick whatever the file's size. FALSE when the step could not be recorded (the
 * history is then cleared, and "changed" emitted all the same). */
gboolean          sp_history_import_record      (SpStore                      *store,
                                                 const SpHistoryPreview       *done,
                                                 GError                      **error);

/* The sum of the history orders dated in fiscal year @fiscal_year (the workspace's fiscal
 * calendar), 0 when there are none. */
gboolean          sp_history_get_year_total     (SpStore                      *store,
                                                 int                           fiscal_year,
                                                 gint64                       *out_total,
                                                 GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpHistoryPreview, sp_history_preview_free)

G_END_DECLS
