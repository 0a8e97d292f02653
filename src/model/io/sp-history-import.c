/* sp-history-import.c — history orders: the CSV import (a preview pass, then one commit), and
 * a fiscal year's total
 *
 * The read loop and the preview / commit skeleton are sp-csv-import.c's; this file parses and
 * checks each order, resolves its members (cached by name, so each is looked up once) and, in
 * a commit, writes it with one prepared statement, creating the members it names. A commit
 * over the undo limit into a table that is small beside the file builds history_order's
 * indexes once at the end instead of row by row.
 *
 * A window imports on a worker's connection of its own (sp_history_import_commit_detached())
 * and records the rows it added as one undo step of its own store afterwards
 * (sp_history_import_record(), see sp-store-detached.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-history-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-csv-import-private.h"
#include "sp-rep-private.h"
#include "sp-preferences.h"

G_DEFINE_QUARK (sp-history-import-error-quark, sp_history_import_error)

/* An id for a member the preview would create. */
#define NEW_ID G_GINT64_CONSTANT (-1)
/* A rep name without a region that fits several reps: the row is rejected. */
#define AMBIGUOUS_ID G_GINT64_CONSTANT (-2)

/* A deferred index build pays off when the rows already there are fewer than this many per
 * byte of the file (an order line is seldom shorter than 40 bytes). */
#define DEFER_INDEX_BYTES_PER_ROW 40

/* The members a row names, in the order they are resolved (a rep within its region). */
enum { REGION, REP, PRODUCT, CUSTOMER_TYPE, N_MEMBERS };

/* A rep is found by sp_rep_lookup(), the rule every rep name follows. */
static const struct
{
  const char *select;            /* ?1 the name */
  const char *insert;            /* ?1 the name, ?2 the region's id or NULL (unbound) */
} members[N_MEMBERS] = {
  [REGION] = { "SELECT id FROM region WHERE name = ?1",
               "INSERT INTO region (name, position)"
               " VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM region))" },
  [REP] = { NULL, "INSERT INTO rep (name, region_id) VALUES (?1, ?2)" },
  [PRODUCT] = { "SELECT id FROM product WHERE name = ?1",
                "INSERT INTO product (name) VALUES (?1)" },
  [CUSTOMER_TYPE] = { "SELECT id FROM customer_type WHERE name = ?1",
                      "INSERT INTO customer_type (name) VALUES (?1)" },
};

typedef struct
{
  SpHistoryPreview *preview;
  /* name (a rep's: "name\x1fregion") → gint64* id, NEW_ID for one the preview would create */
  GHashTable       *ids[N_MEMBERS];
  GPtrArray        *new_names[N_MEMBERS];  /* the preview's new_regions … */
  GString          *key;
  sqlite3_stmt     *insert_order;
  GPtrArray        *deferred_indexes;   /* CREATE INDEX statements to run at the end */
  char             *restore_cache_size; /* a commit: the PRAGMA that puts it back */
} ImportPass;

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
  g_clear_pointer (&preview->inserts, sp_store_inserts_free);
  g_free (preview);
}

/* The id of the member @kind called @name (a rep within @region when it has one), looked up
 * once; one that does not exist is created when committing, or listed in the preview. */
static gboolean
resolve (SpCsvImport *import,
         guint        kind,
         const char  *name,
         const char  *region,
         gint64       region_id,
         gint64      *id_out,
         GError     **error)
{
  ImportPass *pass = import->data;
  gboolean in_region = kind == REP && region != NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 *cached;
  gint64 id = NEW_ID;
  int rc = SQLITE_DONE;

  g_string_assign (pass->key, name);
  if (kind == REP)
    g_string_append (g_string_append_c (pass->key, '\x1f'), region != NULL ? region : "");
  cached = g_hash_table_lookup (pass->ids[kind], pass->key->str);
  if (cached != NULL)
    {
      *id_out = *cached;
      return TRUE;
    }

  if (kind == REP)
    {
      gint64 found = 0;

      /* A region the preview would create has no reps yet. */
      if (in_region && region_id == NEW_ID)
        found = 0;
      else if (!sp_rep_lookup (import->db, name, in_region ? region_id : 0, &found, error))
        return FALSE;
      id = found == SP_REP_AMBIGUOUS ? AMBIGUOUS_ID : found > 0 ? found : NEW_ID;
    }
  else
    {
      stmt = sp_sql_prepare (import->db, members[kind].select, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        return sp_sql_set_error (import->db, error, _("Could not look up a name"));
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (id == NEW_ID)
    {
      g_ptr_array_add (pass->new_names[kind], in_region ? g_strdup_printf ("%s (%s)", name, region)
                                                        : g_strdup (name));
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (import->commit)
        {
          stmt = sp_sql_prepare (import->db, members[kind].insert, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
          if (in_region)
            sqlite3_bind_int64 (stmt, 2, region_id);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return sp_sql_set_error (import->db, error, kind == REP ? _("Could not create a rep")
                                                                    : _("Could not create a name"));
          id = sqlite3_last_insert_rowid (import->db);
        }
    }

  cached = g_new (gint64, 1);
  *cached = id;
  g_hash_table_insert (pass->ids[kind], g_strdup (pass->key->str), cached);
  *id_out = id;
  return TRUE;
}

/* One data record: validated, then resolved and (when committing) written. FALSE only for
 * errors that stop the import; a bad row is rejected and TRUE returned. */
static gboolean
import_record (SpCsvImport         *import,
               const char * const  *cells,
               guint                n_cells,
               guint                line,
               GError             **error)
{
  ImportPass *pass = import->data;
  SpHistoryPreview *preview = pass->preview;
  g_autofree char *date_text = sp_csv_import_dup_cell (import, cells, n_cells, SP_CSV_HISTORY_DATE);
  g_autofree char *amount_text = sp_csv_import_dup_cell (import, cells, n_cells,
                                                         SP_CSV_HISTORY_AMOUNT);
  g_autofree char *region = sp_csv_import_dup_cell (import, cells, n_cells, SP_CSV_HISTORY_REGION);
  g_autofree char *rep = sp_csv_import_dup_cell (import, cells, n_cells, SP_CSV_HISTORY_REP);
  g_autofree char *product = sp_csv_import_dup_cell (import, cells, n_cells,
                                                     SP_CSV_HISTORY_PRODUCT);
  g_autofree char *customer_type = sp_csv_import_dup_cell (import, cells, n_cells,
                                                           SP_CSV_HISTORY_CUSTOMER_TYPE);
  g_autofree char *customer = sp_csv_import_dup_cell (import, cells, n_cells,
                                                      SP_CSV_HISTORY_CUSTOMER);
  g_autofree char *order = sp_csv_import_dup_cell (import, cells, n_cells, SP_CSV_HISTORY_ORDER);
  g_autoptr(GError) local_error = NULL;
  const char *names[N_MEMBERS] = { region, rep, product, customer_type };
  gint64 ids[N_MEMBERS] = { 0 };
  gint64 amount = 0;
  guint year, month, day;
  const char *iso;
  GDate date;

  g_date_clear (&date, 1);

  if (date_text == NULL)
    {
      sp_csv_import_reject (import, line, g_strdup_printf (_("Line %u: the date is empty"), line));
      return TRUE;
    }
  if (!sp_csv_parse_date (date_text, import->options->date_order, &date, &local_error)
      || (amount_text != NULL && !sp_money_parse (amount_text, import->currency, &amount,
                                                  &local_error)))
    {
      sp_csv_import_reject_text (import, line, local_error->message);
      return TRUE;
    }
  if (amount_text == NULL)
    {
      sp_csv_import_reject (import, line,
                            g_strdup_printf (_("Line %u: the amount is empty"), line));
      return TRUE;
    }
  if ((amount > 0 && preview->total_amount > G_MAXINT64 - amount)
      || (amount < 0 && preview->total_amount < G_MININT64 - amount))
    {
      sp_csv_import_reject (import, line,
                            g_strdup_printf (_("Line %u: the total of the amounts is too large"),
                                             line));
      return TRUE;
    }

  for (guint kind = 0; kind < N_MEMBERS; kind++)
    {
      if (names[kind] != NULL
          && !resolve (import, kind, names[kind], region, ids[REGION], &ids[kind], error))
        return FALSE;
      if (kind == REP && ids[REP] == AMBIGUOUS_ID)
        {
          sp_csv_import_reject (import, line,
                                g_strdup_printf (_("Line %u: several reps are named “%s”; add a"
                                                   " region column"), line, rep));
          return TRUE;
        }
    }

  preview->total_amount += amount;
  if (!import->commit)
    return TRUE;

  /* This runs for every row: the day in ISO by hand, the texts bound without copies (a NULL
   * text binds NULL). */
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  day = g_date_get_day (&date);
  iso = (char[11]) { '0' + year / 1000 % 10, '0' + year / 100 % 10, '0' + year / 10 % 10,
                     '0' + year % 10, '-', '0' + month / 10, '0' + month % 10, '-',
                     '0' + day / 10, '0' + day % 10, '\0' };
  sqlite3_reset (pass->insert_order);
  sqlite3_bind_text (pass->insert_order, 1, iso, 10, SQLITE_STATIC);
  sqlite3_bind_int64 (pass->insert_order, 2, amount);
  for (int kind = 0; kind < N_MEMBERS; kind++)
    if (names[kind] != NULL)
      sqlite3_bind_int64 (pass->insert_order, 3 + kind, ids[kind]);
    else
      sqlite3_bind_null (pass->insert_order, 3 + kind);
  sqlite3_bind_text (pass->insert_order, 7, customer, -1, SQLITE_STATIC);
  sqlite3_bind_text (pass->insert_order, 8, order, -1, SQLITE_STATIC);
  if (sqlite3_step (pass->insert_order) != SQLITE_DONE)
    return sp_sql_set_error (import->db, error, _("Could not save an order"));
  return TRUE;
}

/* A large import into a table that is small beside it: drops history_order's indexes, to be
 * built again by finish_commit() from sorted rows (far cheaper than a million scattered
 * insertions into each). Inside the edit's transaction, so a rollback restores them. */
static gboolean
defer_indexes (SpCsvImport  *import,
               GError      **error)
{
  ImportPass *pass = import->data;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(sqlite3_stmt) indexes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 existing = 0;

  rows = sp_sql_prepare (import->db, "SELECT coalesce (max (id), 0) FROM history_order", error);
  if (rows == NULL)
    return FALSE;
  if (sqlite3_step (rows) == SQLITE_ROW)
    existing = sqlite3_column_int64 (rows, 0);
  sqlite3_reset (rows);   /* an open read would lock the table against DROP INDEX */
  if ((guint64) existing >= import->file_size / DEFER_INDEX_BYTES_PER_ROW)
    return TRUE;

  indexes = sp_sql_prepare (import->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                            " AND tbl_name = 'history_order' AND sql IS NOT NULL", error);
  if (indexes == NULL)
    return FALSE;
  while (sqlite3_step (indexes) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (indexes, 0)));
      g_ptr_array_add (pass->deferred_indexes,
                       g_strdup ((const char *) sqlite3_column_text (indexes, 1)));
    }
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"",
                                               (const char *) g_ptr_array_index (names, i));

      if (!sp_sql_exec (import->db, drop, error))
        return FALSE;
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
  g_autoptr(sqlite3_stmt) cache_size = NULL;

  if (!import->commit)
    return TRUE;
  cache_size = sp_sql_prepare (import->db, "PRAGMA cache_size", error);
  if (cache_size == NULL)
    return FALSE;
  if (sqlite3_step (cache_size) == SQLITE_ROW)
    pass->restore_cache_size = g_strdup_printf ("PRAGMA cache_size = %lld",
                                                (long long) sqlite3_column_int64 (cache_size, 0));
  /* Without a deferred build, the indexes are written in date and rep order, not file order:
   * a page cache that holds them keeps a large import from re-reading the same pages. */
  if (!sp_sql_exec (import->db, "PRAGMA cache_size = -65536", error)
      || (!import->undoable && !defer_indexes (import, error)))
    return FALSE;
  pass->insert_order = sp_sql_prepare (import->db,
                                       "INSERT INTO history_order (order_day, amount, region_id,"
                                       " rep_id, product_id, customer_type_id, customer_ref,"
                                       " order_ref) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       error);
  return pass->insert_order != NULL;
}

static gboolean
finish_commit (SpCsvImport  *import,
               GError      **error)
{
  ImportPass *pass = import->data;

  g_clear_pointer (&pass->insert_order, sqlite3_finalize);
  for (guint i = 0; i < pass->deferred_indexes->len; i++)
    if (!sp_sql_exec (import->db, g_ptr_array_index (pass->deferred_indexes, i), error))
      return FALSE;
  return TRUE;
}

static gpointer
pass_new (SpCsvImport *import)
{
  ImportPass *pass = g_new0 (ImportPass, 1);
  SpHistoryPreview *preview = g_new0 (SpHistoryPreview, 1);

  preview->rejected = g_ptr_array_new_with_free_func (sp_csv_import_rejected_row_free);
  preview->currency = g_strdup (import->currency->code);
  preview->new_regions = pass->new_names[REGION] = g_ptr_array_new_with_free_func (g_free);
  preview->new_reps = pass->new_names[REP] = g_ptr_array_new_with_free_func (g_free);
  preview->new_products = pass->new_names[PRODUCT] = g_ptr_array_new_with_free_func (g_free);
  preview->new_customer_types = pass->new_names[CUSTOMER_TYPE] =
    g_ptr_array_new_with_free_func (g_free);
  import->tally = SP_CSV_IMPORT_TALLY (preview);
  import->tally.inserts = &preview->inserts;
  pass->preview = preview;
  for (guint kind = 0; kind < N_MEMBERS; kind++)
    pass->ids[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pass->key = g_string_new (NULL);
  pass->deferred_indexes = g_ptr_array_new_with_free_func (g_free);
  return pass;
}

static gpointer
pass_free (SpCsvImport *import,
           gboolean     keep_preview)
{
  ImportPass *pass = import->data;
  SpHistoryPreview *preview = keep_preview ? g_steal_pointer (&pass->preview) : NULL;

  g_clear_pointer (&pass->insert_order, sqlite3_finalize);
  if (pass->restore_cache_size != NULL)
    sp_sql_exec (import->db, pass->restore_cache_size, NULL);
  g_free (pass->restore_cache_size);
  sp_history_preview_free (pass->preview);
  for (guint kind = 0; kind < N_MEMBERS; kind++)
    g_hash_table_unref (pass->ids[kind]);
  g_string_free (pass->key, TRUE);
  g_ptr_array_unref (pass->deferred_indexes);
  g_free (pass);
  return preview;
}

static const SpCsvImporter history_importer = {
  .fields = sp_csv_history_fields,
  .edit_label = N_("Import order history"),
  .backup_reason = "before-history-import",
  .pass_new = pass_new,
  .pass_free = pass_free,
  .start = start_pass,
  .record = import_record,
  .finish = finish_commit,
};

SpHistoryPreview *
sp_history_import_preview (SpStore                      *store,
                           GFile                        *file,
                           const SpHistoryImportOptions *options,
                           SpHistoryProgressFunc         progress,
                           gpointer                      user_data,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  return sp_csv_import_run_preview (&history_importer, store, file, options, progress,
                                    user_data, cancellable, error);
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
  return sp_csv_import_run_commit (&history_importer, store, file, options, progress, user_data,
                                   cancellable, (gpointer *) out, error);
}

gboolean
sp_history_import_commit_detached (SpStore                      *worker,
                                   GFile                        *file,
                                   const SpHistoryImportOptions *options,
                                   SpHistoryProgressFunc         progress,
                                   gpointer                      user_data,
                                   GCancellable                 *cancellable,
                                   SpHistoryPreview            **out,
                                   GError                      **error)
{
  return sp_csv_import_run_commit_detached (&history_importer, worker, file, options, progress,
                                            user_data, cancellable, (gpointer *) out, error);
}

gboolean
sp_history_import_record (SpStore                 *store,
                          const SpHistoryPreview  *done,
                          GError                 **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  if (done->inserts == NULL)
    {
      /* Over the undo limit: the steps before no longer describe the file. */
      sp_store_reload (store);
      return TRUE;
    }
  return sp_store_record_inserts (store, done->inserts, error);
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
