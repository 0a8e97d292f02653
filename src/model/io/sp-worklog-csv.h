/* sp-worklog-csv.h — the work log as CSV: the import (a preview pass, then one commit) and
 * the export of a date range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-csv.h"
#include "sp-history-import.h"
#include "sp-store.h"
#include "sp-worklog.h"

G_BEGIN_DECLS

/* The work-log importer's fields: date, rep, region, then the entry's fields in
 * SpWorklogField order (field SP_WORKLOG_CSV_FIRST_VALUE + f is SpWorklogField f). */
typedef enum
{
  SP_WORKLOG_CSV_DATE,
  SP_WORKLOG_CSV_REP,
  SP_WORKLOG_CSV_REGION,     /* optional: tells reps of the same name apart */
  SP_WORKLOG_CSV_FIRST_VALUE,
} SpWorklogCsvField;

#define SP_WORKLOG_CSV_N_FIELDS (SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_N_FIELDS)

const SpCsvField *sp_worklog_csv_fields (guint *n_fields);

/* What an import would do or did. Rejected rows are SpHistoryRejectedRow*, the first
 * SP_HISTORY_IMPORT_MAX_REJECTED, by line; rows_rejected counts them all. */
typedef struct
{
  SpCsvEncoding  encoding;
  guint64        rows_read;
  guint64        rows_accepted;
  guint64        rows_rejected;
  GPtrArray     *rejected;
  /* Commit of a file larger than the undo limit: the backup written first; else NULL. */
  char          *backup_path;
} SpWorklogImportPreview;

void                    sp_worklog_import_preview_free (SpWorklogImportPreview *preview);

/* As sp_history_import_preview(), for work-log entries: every row names an existing rep (by
 * name, with the region of the rep when two reps share the name; reps are never created), a
 * day inside sp_worklog_get_day_range() and valid values (sp_worklog_field_parse(); empty
 * cells are 0 or ""); a second row for the same rep and day is rejected. Writes nothing. */
SpWorklogImportPreview *sp_worklog_csv_import_preview  (SpStore                      *store,
                                                        GFile                        *file,
                                                        const SpHistoryImportOptions *options,
                                                        SpHistoryProgressFunc         progress,
                                                        gpointer                      user_data,
                                                        GCancellable                 *cancellable,
                                                        GError                      **error);

/* Reads @file again and writes its entries (creating or replacing each rep's entry of the
 * day) with one sp_worklog_set_entries(): one undo step. A file larger than the undo limit is
 * backed up first (SpWorklogImportPreview.backup_path). Refused with
 * SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS when a row is bad, unless @options->allow_rejected;
 * on any error nothing is written. @out as in sp_history_import_commit(). */
gboolean                sp_worklog_csv_import_commit   (SpStore                      *store,
                                                        GFile                        *file,
                                                        const SpHistoryImportOptions *options,
                                                        SpHistoryProgressFunc         progress,
                                                        gpointer                      user_data,
                                                        GCancellable                 *cancellable,
                                                        SpWorklogImportPreview      **out,
                                                        GError                      **error);

typedef enum
{
  SP_WORKLOG_CSV_EXPORT_DEFAULT         = 0,
  SP_WORKLOG_CSV_EXPORT_BOM             = 1 << 0,
  SP_WORKLOG_CSV_EXPORT_CHINESE_HEADERS = 1 << 1,
} SpWorklogCsvExportFlags;

/* Writes every entry from @from to @to inclusive, by day, region and rep, to @stream (not
 * closed): a header, then one row per entry (date ISO, rep, the rep's region, the values,
 * money without grouping, the notes). @rep_id 0 for every rep; @region_id 0 for every region
 * (an entry belongs to the rep's region on its day). @n_rows (may be NULL): rows written. */
gboolean                sp_worklog_csv_export          (SpStore                      *store,
                                                        const GDate                  *from,
                                                        const GDate                  *to,
                                                        gint64                        rep_id,
                                                        gint64                        region_id,
                                                        SpWorklogCsvExportFlags       flags,
                                                        GOutputStream                *stream,
                                                        guint                        *n_rows,
                                                        GCancellable                 *cancellable,
                                                        GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpWorklogImportPreview, sp_worklog_import_preview_free)

G_END_DECLS
