/* sp-worklog-csv.c — the work log as CSV: the import (a preview pass, then one commit) and
 * the export of a date range
 *
 * The read loop and the preview / commit skeleton are sp-csv-import.c's; this file checks
 * each row and, in a commit, keeps the entries and writes them with one
 * sp_worklog_set_entries() (one undo step) once the whole pass has succeeded. Reps are looked
 * up, never created.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-csv-import-private.h"
#include "sp-rep-private.h"
#include "sp-worklog-csv.h"

static const SpCsvField worklog_fields[] = {
  [SP_WORKLOG_CSV_DATE] = { "date", N_("Date"), TRUE,
    (const char * const[]) { "Date", "Day", "日期", NULL } },
  [SP_WORKLOG_CSV_REP] = { "rep", N_("Rep"), TRUE,
    (const char * const[]) { "Rep", "Sales Rep", "Name", "销售代表", "销售员", "业务员", "姓名",
                             NULL } },
  [SP_WORKLOG_CSV_REGION] = { "region", N_("Region"), FALSE,
    (const char * const[]) { "Region", "区域", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_PROSPECTS] = { "prospects", N_("Prospecting"),
    FALSE, (const char * const[]) { "Prospects", "Prospecting", "准客户开发", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_APPOINTMENTS] = { "appointments",
    N_("Appointments"), FALSE,
    (const char * const[]) { "Appointments", "客户邀约与接洽", "邀约", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_PRESENTATIONS] = { "presentations",
    N_("Presentations"), FALSE,
    (const char * const[]) { "Presentations", "产品(服务)说明", "产品说明", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_OBJECTIONS] = { "objections",
    N_("Objection handling"), FALSE,
    (const char * const[]) { "Objections", "Objection handling", "销售异议处理", "异议处理",
                             NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_CLOSES] = { "closes", N_("Closing"), FALSE,
    (const char * const[]) { "Closes", "Closing", "促成", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_ORDERS] = { "orders", N_("Orders"), FALSE,
    (const char * const[]) { "Orders", "单量", "订单数", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_REVENUE] = { "revenue", N_("Revenue"), FALSE,
    (const char * const[]) { "Revenue", "Sales", "销售额", "业绩", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_NEW_CUSTOMERS] = { "new_customers",
    N_("New customers"), FALSE,
    (const char * const[]) { "New customers", "new_customers", "客户开发量", "新客户", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_REPEAT_PURCHASES] = { "repeat_purchases",
    N_("Repeat purchases"), FALSE,
    (const char * const[]) { "Repeat purchases", "repeat_purchases", "复购量", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_COLLECTED] = { "collected", N_("Collected"),
    FALSE, (const char * const[]) { "Collected", "回款", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_SUMMARY] = { "summary", N_("Summary"), FALSE,
    (const char * const[]) { "Summary", "今日总结", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_PROBLEMS] = { "problems", N_("Problems"),
    FALSE, (const char * const[]) { "Problems", "遇到的问题", "问题", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_HELP_NEEDED] = { "help_needed",
    N_("Help needed"), FALSE,
    (const char * const[]) { "Help needed", "help_needed", "需要的帮助", NULL } },
  [SP_WORKLOG_CSV_FIRST_VALUE + SP_WORKLOG_FIELD_TOMORROW_PLAN] = { "tomorrow_plan",
    N_("Tomorrow’s plan"), FALSE,
    (const char * const[]) { "Tomorrow plan", "Tomorrow's plan", "tomorrow_plan", "明日计划",
                             NULL } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (worklog_fields) == SP_WORKLOG_CSV_N_FIELDS);

/* Export headers: the first recognised header of each field, and the Chinese one. */
static const char * const english_headers[SP_WORKLOG_CSV_N_FIELDS] = {
  "Date", "Rep", "Region", "Prospects", "Appointments", "Presentations", "Objections",
  "Closes", "Orders", "Revenue", "New customers", "Repeat purchases", "Collected", "Summary",
  "Problems", "Help needed", "Tomorrow plan",
};
static const char * const chinese_headers[SP_WORKLOG_CSV_N_FIELDS] = {
  "日期", "销售代表", "区域", "准客户开发", "客户邀约与接洽", "产品(服务)说明", "销售异议处理",
  "促成", "单量", "销售额", "客户开发量", "复购量", "回款", "今日总结", "遇到的问题",
  "需要的帮助", "明日计划",
};

const SpCsvField *
sp_worklog_csv_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (worklog_fields);
  return worklog_fields;
}

typedef struct
{
  SpWorklogImportPreview *preview;
  GDate                   first_day;
  GDate                   last_day;
  GHashTable             *reps;     /* "name\x1fregion" → gint64* id, 0 = unknown */
  GHashTable             *seen;     /* "id:julian" → line of the first row */
  GArray                 *entries;  /* SpWorklogEntry, when committing */
} ImportPass;

void
sp_worklog_import_preview_free (SpWorklogImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->rejected, g_ptr_array_unref);
  g_free (preview->backup_path);
  g_free (preview);
}

/* The rep's id by the rule of sp_rep_find_by_name(): 0 when there is none, SP_REP_AMBIGUOUS
 * when the name (in the region, if the row gives one) does not say which. */
static gboolean
resolve_rep (SpCsvImport *import,
             const char  *name,
             const char  *region,
             gint64      *id_out,
             GError     **error)
{
  ImportPass *pass = import->data;
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", name, region != NULL ? region : "");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 *cached = g_hash_table_lookup (pass->reps, key);
  gint64 id = 0, region_id = region != NULL ? -1 : 0;
  int rc;

  if (cached != NULL)
    {
      *id_out = *cached;
      return TRUE;
    }

  if (region != NULL)
    {
      /* A region that does not exist has no reps: region id -1 matches none. */
      stmt = sp_sql_prepare (import->db, "SELECT id FROM region WHERE name = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, region, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        region_id = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        return sp_sql_set_error (import->db, error, _("Could not look up a rep"));
    }
  if (region_id != -1 && !sp_rep_lookup (import->db, name, region_id, &id, error))
    return FALSE;

  cached = g_new (gint64, 1);
  *cached = id;
  g_hash_table_insert (pass->reps, g_steal_pointer (&key), cached);
  *id_out = id;
  return TRUE;
}

/* One data record. FALSE only for errors that stop the import; a bad row is rejected. */
static gboolean
import_record (SpCsvImport         *import,
               const char * const  *cells,
               guint                n_cells,
               guint                line,
               GError             **error)
{
  ImportPass *pass = import->data;
  g_autofree char *date_text = sp_csv_import_dup_cell (import, cells, n_cells,
                                                       SP_WORKLOG_CSV_DATE);
  g_autofree char *rep = sp_csv_import_dup_cell (import, cells, n_cells, SP_WORKLOG_CSV_REP);
  g_autofree char *region = sp_csv_import_dup_cell (import, cells, n_cells,
                                                    SP_WORKLOG_CSV_REGION);
  g_autoptr(GError) local_error = NULL;
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autofree char *key = NULL;
  gpointer first_line;
  gint64 rep_id = 0;
  GDate day;

  g_date_clear (&day, 1);
  if (date_text == NULL)
    {
      sp_csv_import_reject (import, line,
                            g_strdup_printf (_("Line %u: the date is empty"), line));
      return TRUE;
    }
  if (!sp_csv_parse_date (date_text, import->options->date_order, &day, &local_error))
    {
      sp_csv_import_reject_text (import, line, local_error->message);
      return TRUE;
    }
  if (g_date_compare (&day, &pass->first_day) < 0 || g_date_compare (&day, &pass->last_day) > 0)
    {
      sp_csv_import_reject (import, line,
                            g_strdup_printf (_("Line %u: “%s” is outside the workspace’s years"),
                                             line, date_text));
      return TRUE;
    }
  if (rep == NULL)
    {
      sp_csv_import_reject (import, line, g_strdup_printf (_("Line %u: the rep is empty"), line));
      return TRUE;
    }
  if (!resolve_rep (import, rep, region, &rep_id, error))
    return FALSE;
  if (rep_id == 0)
    {
      if (region != NULL)
        sp_csv_import_reject (import, line,
                              g_strdup_printf (_("Line %u: there is no rep “%s” in region “%s”"),
                                               line, rep, region));
      else
        sp_csv_import_reject (import, line,
                              g_strdup_printf (_("Line %u: there is no rep “%s”"), line, rep));
      return TRUE;
    }
  if (rep_id < 0)
    {
      sp_csv_import_reject (import, line,
                            g_strdup_printf (_("Line %u: several reps are named “%s”; add a"
                                               " region column"), line, rep));
      return TRUE;
    }

  sp_worklog_entry_init (&entry, rep_id, &day);
  for (guint f = 0; f < SP_WORKLOG_N_FIELDS; f++)
    {
      g_autofree char *text = sp_csv_import_dup_cell (import, cells, n_cells,
                                                      SP_WORKLOG_CSV_FIRST_VALUE + f);
      g_autofree char *note = NULL;
      gint64 value = 0;

      if (text == NULL)
        continue;
      if (!sp_worklog_field_parse (f, sp_csv_strip_neutraliser (text), import->currency, &value,
                                   &note, &local_error))
        {
          sp_csv_import_reject_text (import, line, local_error->message);
          return TRUE;
        }
      if (f < SP_WORKLOG_FIRST_NOTE)
        entry.values[f] = value;
      else
        sp_worklog_entry_set_note (&entry, f, note);
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", rep_id, g_date_get_julian (&day));
  first_line = g_hash_table_lookup (pass->seen, key);
  if (first_line != NULL)
    {
      sp_csv_import_reject (import, line,
                            g_strdup_printf (_("Line %u: “%s” already has an entry for %s on"
                                               " line %u"),
                                             line, rep, date_text, GPOINTER_TO_UINT (first_line)));
      return TRUE;
    }
  g_hash_table_insert (pass->seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));

  if (import->commit)
    {
      g_array_append_val (pass->entries, entry);
      /* The array owns the notes now. */
      memset (&entry, 0, sizeof entry);
    }
  return TRUE;
}

static gboolean
start_pass (SpCsvImport         *import,
            const char * const  *header,
            guint                n_columns,
            GError             **error)
{
  ImportPass *pass = import->data;

  return sp_worklog_get_day_range (import->store, &pass->first_day, &pass->last_day, error);
}

/* Writes the entries with an edit of its own ("Edit work log"). */
static gboolean
finish_commit (SpCsvImport  *import,
               GError      **error)
{
  ImportPass *pass = import->data;

  return pass->entries->len == 0
         || sp_worklog_set_entries (import->store, (const SpWorklogEntry *) pass->entries->data,
                                    pass->entries->len, error);
}

static void
entry_clear_cb (gpointer data)
{
  sp_worklog_entry_clear (data);
}

static gpointer
pass_new (SpCsvImport *import)
{
  ImportPass *pass = g_new0 (ImportPass, 1);

  pass->preview = g_new0 (SpWorklogImportPreview, 1);
  pass->preview->rejected = g_ptr_array_new_with_free_func (sp_csv_import_rejected_row_free);
  import->tally = SP_CSV_IMPORT_TALLY (pass->preview);
  g_date_clear (&pass->first_day, 1);
  g_date_clear (&pass->last_day, 1);
  pass->reps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pass->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pass->entries = g_array_new (FALSE, TRUE, sizeof (SpWorklogEntry));
  g_array_set_clear_func (pass->entries, entry_clear_cb);
  return pass;
}

static gpointer
pass_free (SpCsvImport *import,
           gboolean     keep_preview)
{
  ImportPass *pass = import->data;
  SpWorklogImportPreview *preview = keep_preview ? g_steal_pointer (&pass->preview) : NULL;

  sp_worklog_import_preview_free (pass->preview);
  g_hash_table_unref (pass->reps);
  g_hash_table_unref (pass->seen);
  g_array_unref (pass->entries);
  g_free (pass);
  return preview;
}

static const SpCsvImporter worklog_importer = {
  .fields = sp_worklog_csv_fields,
  .edit_label = NULL,
  .backup_reason = "before-worklog-import",
  .pass_new = pass_new,
  .pass_free = pass_free,
  .start = start_pass,
  .record = import_record,
  .finish = finish_commit,
};

SpWorklogImportPreview *
sp_worklog_csv_import_preview (SpStore                      *store,
                               GFile                        *file,
                               const SpHistoryImportOptions *options,
                               SpHistoryProgressFunc         progress,
                               gpointer                      user_data,
                               GCancellable                 *cancellable,
                               GError                      **error)
{
  return sp_csv_import_run_preview (&worklog_importer, store, file, options, progress,
                                    user_data, cancellable, error);
}

gboolean
sp_worklog_csv_import_commit (SpStore                      *store,
                              GFile                        *file,
                              const SpHistoryImportOptions *options,
                              SpHistoryProgressFunc         progress,
                              gpointer                      user_data,
                              GCancellable                 *cancellable,
                              SpWorklogImportPreview      **out,
                              GError                      **error)
{
  return sp_csv_import_run_commit (&worklog_importer, store, file, options, progress, user_data,
                                   cancellable, (gpointer *) out, error);
}

static void
format_day (const GDate *day,
            char         iso[16])
{
  g_snprintf (iso, 16, "%04u-%02u-%02u", g_date_get_year (day), (guint) g_date_get_month (day),
              g_date_get_day (day));
}

gboolean
sp_worklog_csv_export (SpStore                 *store,
                       const GDate             *from,
                       const GDate             *to,
                       gint64                   rep_id,
                       gint64                   region_id,
                       SpWorklogCsvExportFlags  flags,
                       GOutputStream           *stream,
                       guint                   *n_rows,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SpCsvWriter) writer = NULL;
  const SpCurrency *currency;
  char from_iso[16], to_iso[16];
  guint rows = 0;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  currency = sp_csv_import_store_currency (store);
  format_day (from, from_iso);
  format_day (to, to_iso);
  /* The region of an entry is the rep's region on its day (the latest move on or before it,
   * else the rep's current region); the region column names the rep's current region, which
   * is what the import matches. */
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT w.day, rep.name, cur.name, w.prospects, w.appointments,"
                         "       w.presentations, w.objections, w.closes, w.orders, w.revenue,"
                         "       w.new_customers, w.repeat_purchases, w.collected, w.summary,"
                         "       w.problems, w.help_needed, w.tomorrow_plan"
                         "  FROM worklog_entry w"
                         "  JOIN rep ON rep.id = w.rep_id"
                         "  LEFT JOIN region cur ON cur.id = rep.region_id"
                         "  LEFT JOIN region dayr ON dayr.id = coalesce ("
                         "    (SELECT rr.region_id FROM rep_region rr"
                         "      WHERE rr.rep_id = rep.id AND rr.from_day <= w.day"
                         "      ORDER BY rr.from_day DESC LIMIT 1), rep.region_id)"
                         " WHERE w.day BETWEEN ?1 AND ?2"
                         "   AND (?3 = 0 OR w.rep_id = ?3)"
                         "   AND (?4 = 0 OR dayr.id = ?4)"
                         " ORDER BY w.day, dayr.position, dayr.name, rep.name, rep.id",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rep_id);
  sqlite3_bind_int64 (stmt, 4, region_id);

  writer = sp_csv_writer_new (stream, (flags & SP_WORKLOG_CSV_EXPORT_BOM) ? SP_CSV_WRITE_BOM
                                                                           : SP_CSV_WRITE_DEFAULT);
  if (!sp_csv_writer_write_row (writer,
                                (flags & SP_WORKLOG_CSV_EXPORT_CHINESE_HEADERS) ? chinese_headers
                                                                                : english_headers,
                                SP_WORKLOG_CSV_N_FIELDS, cancellable, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *cells[SP_WORKLOG_CSV_N_FIELDS] = { NULL };
      gboolean ok;

      for (guint c = 0; c < SP_WORKLOG_CSV_N_FIELDS; c++)
        {
          int f = (int) c - SP_WORKLOG_CSV_FIRST_VALUE;

          if (f >= 0 && f < SP_WORKLOG_FIRST_NOTE)
            {
              gint64 value = sqlite3_column_int64 (stmt, (int) c);

              if (sp_worklog_field_get_kind (f) == SP_WORKLOG_KIND_MONEY)
                cells[c] = sp_money_format (value, currency,
                                            SP_MONEY_FORMAT_NO_SYMBOL
                                            | SP_MONEY_FORMAT_NO_GROUPING);
              else
                cells[c] = g_strdup_printf ("%" G_GINT64_FORMAT, value);
            }
          else
            cells[c] = g_strdup ((const char *) sqlite3_column_text (stmt, (int) c));
        }
      ok = sp_csv_writer_write_row (writer, (const char * const *) cells,
                                    SP_WORKLOG_CSV_N_FIELDS, cancellable, error);
      for (guint c = 0; c < SP_WORKLOG_CSV_N_FIELDS; c++)
        g_free (cells[c]);
      if (!ok)
        return FALSE;
      rows++;
    }
  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not read the work log"));
  if (!sp_csv_writer_flush (writer, cancellable, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}
