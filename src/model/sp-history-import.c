/* sp-history-import.c — history orders: the CSV import (a preview pass, then one commit), and
 * a fiscal year's total
 *
 * Both passes stream the file, so memory stays flat however many rows it holds: the preview
 * keeps counts, the first rejected rows and the names it would create; the commit reads the
 * file again and writes as it reads, inside one edit (one undo step). Nothing is written
 * unless the whole pass succeeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-history-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-history-import.h"
#include "sp-money.h"
#include "sp-preferences.h"
#include "sp-store-private.h"

#define PROGRESS_EVERY 4096

G_DEFINE_QUARK (sp-history-import-error-quark, sp_history_import_error)

/* An id for a member the preview would create. */
#define NEW_ID G_GINT64_CONSTANT (-1)

typedef struct
{
  SpStore               *store;
  sqlite3               *db;
  gboolean               commit;
  const SpCurrency      *currency;
  SpHistoryPreview      *preview;
  const SpHistoryImportOptions *options;
  /* name (or rep key) → gint64* id, NEW_ID for one the preview would create */
  GHashTable            *regions;
  GHashTable            *reps;
  GHashTable            *products;
  GHashTable            *customer_types;
  sqlite3_stmt          *insert_order;
} ImportPass;

static void
rejected_row_free (gpointer data)
{
  SpHistoryRejectedRow *row = data;

  g_free (row->message);
  g_free (row);
}

void
sp_history_preview_free (SpHistoryPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->rejected, g_ptr_array_unref);
  g_clear_pointer (&preview->new_regions, g_ptr_array_unref);
  g_clear_pointer (&preview->new_reps, g_ptr_array_unref);
  g_clear_pointer (&preview->new_products, g_ptr_array_unref);
  g_clear_pointer (&preview->new_customer_types, g_ptr_array_unref);
  g_free (preview->currency);
  g_free (preview->backup_path);
  g_free (preview);
}

static SpHistoryPreview *
preview_new (void)
{
  SpHistoryPreview *preview = g_new0 (SpHistoryPreview, 1);

  preview->rejected = g_ptr_array_new_with_free_func (rejected_row_free);
  preview->new_regions = g_ptr_array_new_with_free_func (g_free);
  preview->new_reps = g_ptr_array_new_with_free_func (g_free);
  preview->new_products = g_ptr_array_new_with_free_func (g_free);
  preview->new_customer_types = g_ptr_array_new_with_free_func (g_free);
  return preview;
}

static void
reject (ImportPass *pass,
        guint       line,
        char       *message)
{
  SpHistoryRejectedRow *row;

  pass->preview->rows_rejected++;
  if (pass->preview->rejected->len >= SP_HISTORY_IMPORT_MAX_REJECTED)
    {
      g_free (message);
      return;
    }
  row = g_new0 (SpHistoryRejectedRow, 1);
  row->line = line;
  row->message = message;
  g_ptr_array_add (pass->preview->rejected, row);
}

static gint64 *
id_new (gint64 id)
{
  gint64 *p = g_new (gint64, 1);

  *p = id;
  return p;
}

/* Looks @name up with @select (one bound text, returns the id); creates it with @insert
 * when committing, or lists it in @new_list when previewing. */
static gboolean
resolve_simple (ImportPass  *pass,
                GHashTable  *cache,
                const char  *select,
                const char  *insert,
                GPtrArray   *new_list,
                const char  *name,
                gint64      *id_out,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 *cached = g_hash_table_lookup (cache, name);
  gint64 id = NEW_ID;
  int rc;

  if (cached != NULL)
    {
      *id_out = *cached;
      return TRUE;
    }

  stmt = sp_sql_prepare (pass->db, select, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return sp_sql_set_error (pass->db, error, _("Could not look up a name"));

  if (id == NEW_ID)
    {
      g_ptr_array_add (new_list, g_strdup (name));
      if (pass->commit)
        {
          g_autoptr(sqlite3_stmt) ins = sp_sql_prepare (pass->db, insert, error);

          if (ins == NULL)
            return FALSE;
          sqlite3_bind_text (ins, 1, name, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (ins) != SQLITE_DONE)
            return sp_sql_set_error (pass->db, error, _("Could not create a name"));
          id = sqlite3_last_insert_rowid (pass->db);
        }
    }

  g_hash_table_insert (cache, g_strdup (name), id_new (id));
  *id_out = id;
  return TRUE;
}

/* A rep is matched by name within the row's region; without a region, by name alone. */
static gboolean
resolve_rep (ImportPass  *pass,
             const char  *name,
             const char  *region,
             gint64       region_id,
             gint64      *id_out,
             GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", name, region != NULL ? region : "");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 *cached = g_hash_table_lookup (pass->reps, key);
  gint64 id = NEW_ID;
  int rc;

  if (cached != NULL)
    {
      *id_out = *cached;
      return TRUE;
    }

  if (region == NULL)
    stmt = sp_sql_prepare (pass->db, "SELECT id FROM rep WHERE name = ?1 ORDER BY id LIMIT 1",
                           error);
  else
    stmt = sp_sql_prepare (pass->db, "SELECT id FROM rep WHERE name = ?1 AND region_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (region != NULL)
    sqlite3_bind_int64 (stmt, 2, region_id);
  /* A region the preview would create has no reps yet. */
  rc = region != NULL && region_id == NEW_ID ? SQLITE_DONE : sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return sp_sql_set_error (pass->db, error, _("Could not look up a rep"));

  if (id == NEW_ID)
    {
      g_ptr_array_add (pass->preview->new_reps,
                       region != NULL ? g_strdup_printf ("%s (%s)", name, region)
                                      : g_strdup (name));
      if (pass->commit)
        {
          g_autoptr(sqlite3_stmt) ins =
            sp_sql_prepare (pass->db, "INSERT INTO rep (name, region_id) VALUES (?1, ?2)", error);

          if (ins == NULL)
            return FALSE;
          sqlite3_bind_text (ins, 1, name, -1, SQLITE_TRANSIENT);
          if (region != NULL)
            sqlite3_bind_int64 (ins, 2, region_id);
          else
            sqlite3_bind_null (ins, 2);
          if (sqlite3_step (ins) != SQLITE_DONE)
            return sp_sql_set_error (pass->db, error, _("Could not create a rep"));
          id = sqlite3_last_insert_rowid (pass->db);
        }
    }

  g_hash_table_insert (pass->reps, g_steal_pointer (&key), id_new (id));
  *id_out = id;
  return TRUE;
}

/* The trimmed cell, or NULL when it is empty. */
static char *
cell (SpCsvColumnMap     *map,
      const char * const *fields,
      guint               n_fields,
      guint               field)
{
  char *value = g_strstrip (g_strdup (sp_csv_column_map_get_value (map, fields, n_fields, field)));

  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 const char   *name,
                 gint64        id)
{
  if (name != NULL)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* One data record: validated, then resolved and (when committing) written. FALSE only for
 * errors that stop the import; a bad row is rejected and TRUE returned. */
static gboolean
import_record (ImportPass          *pass,
               SpCsvColumnMap      *map,
               const char * const  *fields,
               guint                n_fields,
               guint                line,
               GError             **error)
{
  g_autofree char *date_text = cell (map, fields, n_fields, SP_CSV_HISTORY_DATE);
  g_autofree char *amount_text = cell (map, fields, n_fields, SP_CSV_HISTORY_AMOUNT);
  g_autofree char *region = cell (map, fields, n_fields, SP_CSV_HISTORY_REGION);
  g_autofree char *rep = cell (map, fields, n_fields, SP_CSV_HISTORY_REP);
  g_autofree char *product = cell (map, fields, n_fields, SP_CSV_HISTORY_PRODUCT);
  g_autofree char *customer_type = cell (map, fields, n_fields, SP_CSV_HISTORY_CUSTOMER_TYPE);
  g_autofree char *customer = cell (map, fields, n_fields, SP_CSV_HISTORY_CUSTOMER);
  g_autofree char *order = cell (map, fields, n_fields, SP_CSV_HISTORY_ORDER);
  g_autoptr(GError) local_error = NULL;
  gint64 amount = 0;
  gint64 region_id = 0, rep_id = 0, product_id = 0, type_id = 0;
  char iso[16];
  GDate date;

  g_date_clear (&date, 1);

  if (date_text == NULL)
    {
      reject (pass, line, g_strdup_printf (_("Line %u: the date is empty"), line));
      return TRUE;
    }
  if (!sp_csv_parse_date (date_text, pass->options->date_order, &date, &local_error))
    {
      reject (pass, line, g_strdup_printf (_("Line %u: %s"), line, local_error->message));
      return TRUE;
    }
  if (amount_text == NULL)
    {
      reject (pass, line, g_strdup_printf (_("Line %u: the amount is empty"), line));
      return TRUE;
    }
  if (!sp_money_parse (amount_text, pass->currency, &amount, &local_error))
    {
      reject (pass, line, g_strdup_printf (_("Line %u: %s"), line, local_error->message));
      return TRUE;
    }
  if ((amount > 0 && pass->preview->total_amount > G_MAXINT64 - amount)
      || (amount < 0 && pass->preview->total_amount < G_MININT64 - amount))
    {
      reject (pass, line, g_strdup_printf (_("Line %u: the total of the amounts is too large"),
                                           line));
      return TRUE;
    }

  if ((region != NULL
       && !resolve_simple (pass, pass->regions, "SELECT id FROM region WHERE name = ?1",
                           "INSERT INTO region (name, position)"
                           " VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM region))",
                           pass->preview->new_regions, region, &region_id, error))
      || (rep != NULL && !resolve_rep (pass, rep, region, region_id, &rep_id, error))
      || (product != NULL
          && !resolve_simple (pass, pass->products, "SELECT id FROM product WHERE name = ?1",
                              "INSERT INTO product (name) VALUES (?1)",
                              pass->preview->new_products, product, &product_id, error))
      || (customer_type != NULL
          && !resolve_simple (pass, pass->customer_types,
                              "SELECT id FROM customer_type WHERE name = ?1",
                              "INSERT INTO customer_type (name) VALUES (?1)",
                              pass->preview->new_customer_types, customer_type, &type_id,
                              error)))
    return FALSE;

  pass->preview->rows_accepted++;
  pass->preview->total_amount += amount;

  if (!pass->commit)
    return TRUE;

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date),
              (guint) g_date_get_month (&date), g_date_get_day (&date));
  sqlite3_reset (pass->insert_order);
  sqlite3_clear_bindings (pass->insert_order);
  sqlite3_bind_text (pass->insert_order, 1, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (pass->insert_order, 2, amount);
  bind_id_or_null (pass->insert_order, 3, region, region_id);
  bind_id_or_null (pass->insert_order, 4, rep, rep_id);
  bind_id_or_null (pass->insert_order, 5, product, product_id);
  bind_id_or_null (pass->insert_order, 6, customer_type, type_id);
  bind_text_or_null (pass->insert_order, 7, customer);
  bind_text_or_null (pass->insert_order, 8, order);
  if (sqlite3_step (pass->insert_order) != SQLITE_DONE)
    return sp_sql_set_error (pass->db, error, _("Could not save an order"));
  return TRUE;
}

static const SpCurrency *
store_currency (SpStore *store)
{
  g_autofree char *code = sp_store_get_setting (store, "currency");
  const SpCurrency *currency = code != NULL ? sp_currency_lookup (code) : NULL;

  return currency != NULL ? currency : sp_currency_lookup ("CNY");
}

static gboolean
record_is_rejectable (const GError *error)
{
  return g_error_matches (error, SP_CSV_ERROR, SP_CSV_ERROR_ENCODING)
         || g_error_matches (error, SP_CSV_ERROR, SP_CSV_ERROR_STRAY_QUOTE);
}

/* Reads the whole file once; @pass->commit says whether to write. */
static gboolean
run_pass (ImportPass             *pass,
          GFile                  *file,
          SpHistoryProgressFunc   progress,
          gpointer                user_data,
          GCancellable           *cancellable,
          GError                **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(SpCsvReader) reader = NULL;
  g_autoptr(SpCsvColumnMap) map = NULL;
  const SpCsvField *field_table;
  const char * const *fields;
  guint n_fields, line, n_columns, n_field_defs;
  guint64 total_bytes = 0;
  guint64 n_records = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                         NULL);
  if (info != NULL)
    total_bytes = (guint64) g_file_info_get_size (info);

  reader = sp_csv_reader_new (G_INPUT_STREAM (stream), pass->options->encoding, error);
  if (reader == NULL)
    return FALSE;
  sp_csv_reader_set_cancellable (reader, cancellable);

  if (!sp_csv_reader_next (reader, &fields, &n_fields, &line, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_EMPTY,
                             _("The file is empty: it has no header row"));
      return FALSE;
    }
  n_columns = n_fields;
  field_table = sp_csv_history_fields (&n_field_defs);
  map = sp_csv_column_map_from_header (field_table, n_field_defs, fields, n_fields);
  for (guint i = 0; pass->options->overrides != NULL && pass->options->overrides[i] != NULL; i++)
    if (!sp_csv_column_map_apply_override (map, pass->options->overrides[i], error))
      return FALSE;
  if (!sp_csv_column_map_validate (map, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (!sp_csv_reader_next (reader, &fields, &n_fields, &line, &local_error))
        {
          if (local_error == NULL)
            break;
          if (!record_is_rejectable (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          pass->preview->rows_read++;
          reject (pass, line, g_strdup (local_error->message));
          continue;
        }

      pass->preview->rows_read++;
      if (!sp_csv_reader_check_field_count (reader, n_columns, &local_error))
        reject (pass, line, g_strdup (local_error->message));
      else if (!import_record (pass, map, fields, n_fields, line, error))
        return FALSE;

      if (++n_records % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (sp_csv_reader_get_bytes_read (reader), total_bytes, user_data);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  pass->preview->encoding = sp_csv_reader_get_encoding (reader);
  if (progress != NULL)
    progress (sp_csv_reader_get_bytes_read (reader), total_bytes, user_data);
  return TRUE;
}

static void
pass_init (ImportPass                   *pass,
           SpStore                      *store,
           const SpHistoryImportOptions *options,
           gboolean                      commit)
{
  pass->store = store;
  pass->db = sp_store_get_db (store);
  pass->commit = commit;
  pass->options = options;
  pass->currency = store_currency (store);
  pass->preview = preview_new ();
  pass->preview->currency = g_strdup (pass->currency->code);
  pass->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pass->reps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pass->products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pass->customer_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
pass_clear (ImportPass *pass)
{
  g_clear_pointer (&pass->preview, sp_history_preview_free);
  g_clear_pointer (&pass->regions, g_hash_table_unref);
  g_clear_pointer (&pass->reps, g_hash_table_unref);
  g_clear_pointer (&pass->products, g_hash_table_unref);
  g_clear_pointer (&pass->customer_types, g_hash_table_unref);
  g_clear_pointer (&pass->insert_order, sqlite3_finalize);
}

static const SpHistoryImportOptions default_options = {
  SP_CSV_ENCODING_AUTO, SP_CSV_DATE_ORDER_AUTO, NULL, FALSE, 0
};

static gint64
query_cache_size (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, "PRAGMA cache_size", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return -2000;
}

static void
restore_cache_size (sqlite3 *db,
                    gint64   cache_size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);

  sp_sql_exec (db, sql, NULL);
}

SpHistoryPreview *
sp_history_import_preview (SpStore                      *store,
                           GFile                        *file,
                           const SpHistoryImportOptions *options,
                           SpHistoryProgressFunc         progress,
                           gpointer                      user_data,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  ImportPass pass = { 0 };
  SpHistoryPreview *preview = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pass_init (&pass, store, options != NULL ? options : &default_options, FALSE);
  if (run_pass (&pass, file, progress, user_data, cancellable, error))
    preview = g_steal_pointer (&pass.preview);
  pass_clear (&pass);
  return preview;
}

gboolean
sp_history_import_commit (SpStore                      *store,
                          GFile                        *file,
                          const SpHistoryImportOptions *options,
                          SpHistoryProgressFunc         progress,
                          gpointer                      user_data,
                          GCancellable                 *cancellable,
                          SpHistoryPreview            **out,
                          GError                      **error)
{
  ImportPass pass = { 0 };
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *backup_path = NULL;
  gboolean undoable, ok;
  gint64 cache_size;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &default_options;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return FALSE;
  undoable = (guint64) g_file_info_get_size (info)
             <= (options->undo_max_bytes > 0 ? options->undo_max_bytes
                                             : SP_HISTORY_IMPORT_UNDO_MAX_BYTES);
  if (!undoable)
    {
      backup_path = sp_store_backup (store, "before-history-import", error);
      if (backup_path == NULL)
        return FALSE;
    }

  if (!sp_store_begin_edit (store, _("Import order history"), error))
    return FALSE;

  pass_init (&pass, store, options, TRUE);
  pass.preview->backup_path = g_steal_pointer (&backup_path);
  cache_size = query_cache_size (pass.db);
  /* The indexes of history_order are written in date and rep order, not file order: a page
   * cache that holds them keeps a large import from re-reading the same pages. */
  ok = sp_sql_exec (pass.db, "PRAGMA cache_size = -65536", error)
       && (undoable || sp_undo_set_recording (pass.db, FALSE, error));
  if (ok)
    pass.insert_order = sp_sql_prepare (pass.db,
                                        "INSERT INTO history_order (order_day, amount, region_id,"
                                        " rep_id, product_id, customer_type_id, customer_ref,"
                                        " order_ref) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                        error);
  ok = ok && pass.insert_order != NULL
       && run_pass (&pass, file, progress, user_data, cancellable, error);
  if (ok && pass.preview->rows_rejected > 0 && !options->allow_rejected)
    {
      g_set_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row cannot be imported; nothing was imported",
                                "%u rows cannot be imported; nothing was imported",
                                (gulong) MIN (pass.preview->rows_rejected, G_MAXUINT)),
                   (guint) MIN (pass.preview->rows_rejected, G_MAXUINT));
      ok = FALSE;
    }
  g_clear_pointer (&pass.insert_order, sqlite3_finalize);
  /* Without undo, the older steps could no longer be undone safely over the new rows. */
  if (ok && !undoable)
    ok = sp_undo_clear (pass.db, error);
  if (ok)
    ok = sp_store_commit_edit (store, error);
  else
    sp_store_rollback_edit (store);
  /* The edit recorded nothing, so it did not announce itself. */
  if (ok && !undoable)
    sp_store_emit_changed (store);
  if (!undoable && !ok && pass.preview->backup_path != NULL)
    {
      /* Nothing changed: the backup would only be clutter. */
      g_unlink (pass.preview->backup_path);
      g_clear_pointer (&pass.preview->backup_path, g_free);
    }
  restore_cache_size (pass.db, cache_size);

  /* With the rows refused, the caller still wants to show which. */
  if (out != NULL
      && (ok || g_error_matches (error != NULL ? *error : NULL, SP_HISTORY_IMPORT_ERROR,
                                 SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS)))
    *out = g_steal_pointer (&pass.preview);
  pass_clear (&pass);
  return ok;
}

gboolean
sp_history_get_year_total (SpStore  *store,
                           int       fiscal_year,
                           gint64   *out_total,
                           GError  **error)
{
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char first_iso[16], last_iso[16];
  GDate first, last;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_total != NULL, FALSE);

  preferences = sp_preferences_new (store);
  calendar = sp_preferences_dup_calendar (preferences);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  sp_calendar_fiscal_year_range (calendar, fiscal_year, &first, &last);
  g_date_strftime (first_iso, sizeof first_iso, "%Y-%m-%d", &first);
  g_date_strftime (last_iso, sizeof last_iso, "%Y-%m-%d", &last);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT coalesce (sum (amount), 0) FROM history_order"
                         " WHERE order_day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last_iso, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_store_set_sql_error (store, error, _("Could not add up the order history"));
  *out_total = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
