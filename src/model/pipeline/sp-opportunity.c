/* sp-opportunity.c — opportunities: add, stage changes with their history, updates, and the
 * opportunities of a funnel stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-opportunity"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-metrics-private.h"
#include "sp-money.h"
#include "sp-opportunity-csv.h"
#include "sp-opportunity.h"
#include "sp-opportunity-private.h"
#include "sp-store-private.h"

void
sp_opportunity_free (SpOpportunity *opportunity)
{
  if (opportunity == NULL)
    return;
  g_free (opportunity->title);
  g_free (opportunity->customer);
  g_free (opportunity->rep);
  g_free (opportunity->stage);
  g_free (opportunity->created_on);
  g_free (opportunity->expected_close);
  g_free (opportunity->closed_on);
  g_free (opportunity->customer_class);
  g_free (opportunity->intent_grade);
  g_free (opportunity);
}

gboolean
sp_opportunity_check_iso (const char  *text,
           gboolean     allow_null,
           GError     **error)
{
  GDate date;

  if (text == NULL && allow_null)
    return TRUE;
  if (text != NULL && strlen (text) == 10)
    {
      g_date_clear (&date, 1);
      g_date_set_parse (&date, text);
      if (g_date_valid (&date))
        {
          char back[16];

          g_date_strftime (back, sizeof back, "%Y-%m-%d", &date);
          if (g_strcmp0 (back, text) == 0)
            return TRUE;
        }
    }
  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
               _("“%s” is not a date (YYYY-MM-DD)"), text != NULL ? text : "");
  return FALSE;
}

gboolean
sp_opportunity_edit_begin (SpStore     *store,
            const char  *label,
            gboolean    *own,
            GError     **error)
{
  *own = !sp_store_in_edit (store);
  return !*own || sp_store_begin_edit (store, label, error);
}

/* Ends what sp_opportunity_edit_begin() started: commits when @ok, else rolls back. */
gboolean
sp_opportunity_edit_end (SpStore   *store,
          gboolean   own,
          gboolean   ok,
          GError   **error)
{
  if (!own)
    return ok;
  if (ok)
    return sp_store_commit_edit (store, error);
  sp_store_rollback_edit (store);
  return FALSE;
}

gboolean
sp_opportunity_ensure_stages (SpStore  *store,
                              GError  **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean empty, own;

  stmt = sp_sql_prepare (db, "SELECT NOT EXISTS (SELECT 1 FROM pipeline_stage)", error);
  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  if (!empty)
    return TRUE;
  if (!sp_opportunity_edit_begin (store, _("Add pipeline stages"), &own, error))
    return FALSE;
  return sp_opportunity_edit_end (store, own,
                   sp_sql_exec (db,
                                "INSERT INTO pipeline_stage (name, position, probability_pct,"
                                " outcome) VALUES ('Lead', 0, 10, 'open'),"
                                " ('Qualified', 1, 25, 'open'), ('Proposal', 2, 50, 'open'),"
                                " ('Negotiation', 3, 75, 'open'), ('Won', 4, 100, 'won'),"
                                " ('Lost', 5, 0, 'lost')", error),
                   error);
}

/* The default stages' Chinese names (DOMAIN.md), recognised on import and on the CLI. */
static const struct { const char *en; const char *zh; } default_stages[] = {
  { "Lead", "线索" }, { "Qualified", "有效商机" }, { "Proposal", "方案报价" },
  { "Negotiation", "谈判" }, { "Won", "赢单" }, { "Lost", "输单" },
};

/* The default stages are stored under their English names; people read them in their
 * language. */
static const char * const default_stage_names[][2] = {
  { "Lead", NC_("pipeline stage", "Lead") },
  { "Qualified", NC_("pipeline stage", "Qualified") },
  { "Proposal", NC_("pipeline stage", "Proposal") },
  { "Negotiation", NC_("pipeline stage", "Negotiation") },
  { "Won", NC_("pipeline stage", "Won") },
  { "Lost", NC_("pipeline stage", "Lost") },
};

const char *
sp_pipeline_stage_display_name (const char *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_stage_names); i++)
    if (g_strcmp0 (stored, default_stage_names[i][0]) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "pipeline stage", default_stage_names[i][1]);

  return stored;
}

gint64
sp_opportunity_find_stage (SpStore     *store,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  const char *look = trimmed;

  for (guint i = 0; i < G_N_ELEMENTS (default_stages); i++)
    if (g_strcmp0 (trimmed, default_stages[i].zh) == 0)
      look = default_stages[i].en;
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT id FROM pipeline_stage WHERE name = ?2"
                         " OR lower(name) = lower(?1) ORDER BY name = ?2 DESC, id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, look, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
               _("No pipeline stage named “%s”"), trimmed);
  return 0;
}

char *
sp_opportunity_stage_outcome (sqlite3  *db,
               gint64    stage_id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_sql_prepare (db, "SELECT outcome FROM pipeline_stage WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stage_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
               _("No pipeline stage with id %lld"), (long long) stage_id);
  return NULL;
}

gint64
sp_opportunity_add (SpStore     *store,
                    const char  *title,
                    gint64       customer_id,
                    gint64       rep_id,
                    gint64       stage_id,
                    gint64       amount,
                    const char  *created_on,
                    const char  *expected_close,
                    GError     **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autofree char *outcome = NULL;
  gint64 id = 0;
  gboolean own, ok;

  if (!sp_opportunity_check_iso (created_on, FALSE, error) || !sp_opportunity_check_iso (expected_close, TRUE, error))
    return 0;
  if (amount < 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("An amount cannot be negative"));
      return 0;
    }
  outcome = sp_opportunity_stage_outcome (db, stage_id, error);
  if (outcome == NULL)
    return 0;
  if (!sp_opportunity_edit_begin (store, _("Add opportunity"), &own, error))
    return 0;
  ok = sp_sql_run (db, NULL, _("Could not save the opportunity"), &id, error,
            "INSERT INTO opportunity (title, customer_id, rep_id, stage_id, amount,"
            " created_on, expected_close, closed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            "tIIiitt" "t", title != NULL ? title : "", customer_id, rep_id, stage_id,
            amount, created_on, expected_close,
            g_strcmp0 (outcome, "open") == 0 ? NULL : created_on)
       && sp_sql_run (db, NULL, _("Could not save the opportunity"), NULL, error,
               "INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_on)"
               " VALUES (?, ?, ?)", "iit", id, stage_id, created_on);
  return sp_opportunity_edit_end (store, own, ok, error) ? id : 0;
}

gboolean
sp_opportunity_set_stage (SpStore     *store,
                          gint64       id,
                          gint64       stage_id,
                          const char  *entered_on,
                          GError     **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last = NULL;
  gint64 current;
  gboolean own;

  if (entered_on == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      entered_on = today = g_date_time_format (now, "%Y-%m-%d");
    }
  if (!sp_opportunity_check_iso (entered_on, FALSE, error))
    return FALSE;
  outcome = sp_opportunity_stage_outcome (db, stage_id, error);
  if (outcome == NULL)
    return FALSE;
  stmt = sp_sql_prepare (db, "SELECT o.stage_id, max(o.created_on, coalesce(max(h.entered_on), ''))"
                         "  FROM opportunity o LEFT JOIN opportunity_stage_history h"
                         "    ON h.opportunity_id = o.id WHERE o.id = ? GROUP BY o.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   _("No opportunity with id %lld"), (long long) id);
      return FALSE;
    }
  current = sqlite3_column_int64 (stmt, 0);
  last = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (current == stage_id)
    return TRUE;
  if (g_strcmp0 (entered_on, last) < 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("The stage change on %s is before the opportunity’s last change (%s)"),
                   entered_on, last);
      return FALSE;
    }
  if (!sp_opportunity_edit_begin (store, _("Move opportunity"), &own, error))
    return FALSE;
  return sp_opportunity_edit_end (store, own,
                   sp_sql_run (db, NULL, _("Could not save the opportunity"), NULL, error,
                        "UPDATE opportunity SET stage_id = ?, closed_on = ? WHERE id = ?", "iti",
                        stage_id, g_strcmp0 (outcome, "open") == 0 ? NULL : entered_on, id)
                   && sp_sql_run (db, NULL, _("Could not save the opportunity"), NULL, error,
                           "INSERT INTO opportunity_stage_history (opportunity_id, stage_id,"
                           " entered_on) VALUES (?, ?, ?)", "iit", id, stage_id, entered_on),
                   error);
}

gboolean
sp_opportunity_update (SpStore     *store,
                       gint64       id,
                       gint64       amount,
                       const char  *expected_close,
                       gint64       invoiced,
                       gint64       collected,
                       GError     **error)
{
  sqlite3 *db = sp_store_get_db (store);
  gboolean own, ok;

  if (!sp_opportunity_check_iso (expected_close, TRUE, error))
    return FALSE;
  if (amount < 0 || invoiced < 0 || collected < 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("An amount cannot be negative"));
      return FALSE;
    }
  if (collected > invoiced)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("The amount collected cannot exceed the amount invoiced"));
      return FALSE;
    }
  if (!sp_opportunity_edit_begin (store, _("Edit opportunity"), &own, error))
    return FALSE;
  ok = sp_sql_run (db, NULL, _("Could not save the opportunity"), NULL, error,
            "UPDATE opportunity SET amount = ?, expected_close = ?, invoiced = ?, collected = ?"
            " WHERE id = ?", "itiii", amount, expected_close, invoiced, collected, id);
  if (ok && sqlite3_changes (db) == 0)
    {
      ok = FALSE;
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   _("No opportunity with id %lld"), (long long) id);
    }
  return sp_opportunity_edit_end (store, own, ok, error);
}


static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

SpOpportunity *
sp_opportunity_read_row (sqlite3_stmt *stmt)
{
  SpOpportunity *o = g_new0 (SpOpportunity, 1);

  o->id = sqlite3_column_int64 (stmt, 0);
  o->title = dup_column (stmt, 1);
  o->customer_id = sqlite3_column_int64 (stmt, 2);
  o->customer = dup_column (stmt, 3);
  o->rep_id = sqlite3_column_int64 (stmt, 4);
  o->rep = dup_column (stmt, 5);
  o->stage_id = sqlite3_column_int64 (stmt, 6);
  o->stage = dup_column (stmt, 7);
  o->amount = sqlite3_column_int64 (stmt, 8);
  o->created_on = dup_column (stmt, 9);
  o->expected_close = dup_column (stmt, 10);
  o->closed_on = dup_column (stmt, 11);
  o->invoiced = sqlite3_column_int64 (stmt, 12);
  o->collected = sqlite3_column_int64 (stmt, 13);
  o->customer_class = dup_column (stmt, 14);
  o->intent_grade = dup_column (stmt, 15);
  return o;
}

SpOpportunity *
sp_opportunity_get (SpStore  *store,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         SELECT_COLUMNS SELECT_JOINS " WHERE o.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sp_opportunity_read_row (stmt);
  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
               _("No opportunity with id %lld"), (long long) id);
  return NULL;
}

/* Open stage: the opportunities open at :to whose stage on :to (the funnel's rule) is
 * :stage. Closed stage: in :stage, closed in the period. */
static const char list_open_sql[] =
  "WITH x AS MATERIALIZED ("
  "  SELECT o.id AS oid,"
  "         coalesce((SELECT h.stage_id FROM opportunity_stage_history h"
  "                    WHERE h.opportunity_id = o.id AND h.entered_on <= :to"
  "                    ORDER BY h.entered_on DESC, h.id DESC LIMIT 1),"
  "                  o.stage_id) AS sid,"
  "         (SELECT max(h.entered_on) FROM opportunity_stage_history h"
  "           WHERE h.opportunity_id = o.id AND h.entered_on <= :to) AS entered"
  "    FROM opportunity o"
  "   WHERE o.created_on <= :to AND (o.closed_on IS NULL OR o.closed_on > :to)%s)"
  SELECT_COLUMNS ","
  "       max(0, CAST(julianday(min(:to, :today))"
  "                   - julianday(coalesce(x.entered, o.created_on)) AS INTEGER))"
  SELECT_JOINS " JOIN x ON x.oid = o.id"
  " WHERE x.sid = :stage"
  " ORDER BY o.expected_close IS NULL, o.expected_close, o.id";
static const char list_closed_sql[] =
  SELECT_COLUMNS ","
  "       CAST(julianday(o.closed_on) - julianday(coalesce((SELECT max(h.entered_on)"
  "              FROM opportunity_stage_history h WHERE h.opportunity_id = o.id"
  "               AND h.stage_id = o.stage_id), o.created_on)) AS INTEGER)"
  SELECT_JOINS
  " WHERE o.stage_id = :stage AND o.closed_on BETWEEN :from AND :to%s"
  " ORDER BY o.expected_close IS NULL, o.expected_close, o.id";

GPtrArray *
sp_opportunity_list_stage (SpStore                *store,
                           const SpMetricsFilter  *filter,
                           gint64                  stage_id,
                           GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  int rc;

  if (!sp_metrics_check_filter (filter, error))
    return NULL;
  outcome = sp_opportunity_stage_outcome (sp_store_get_db (store), stage_id, error);
  if (outcome == NULL)
    return NULL;
  where = sp_metrics_filter_sql (filter, "o.rep_id");
  sql = g_strdup_printf (g_strcmp0 (outcome, "open") == 0 ? list_open_sql : list_closed_sql,
                         where);
  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":stage"), stage_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_opportunity_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpOpportunity *o = sp_opportunity_read_row (stmt);

      o->days_in_stage = sqlite3_column_int64 (stmt, SP_OPPORTUNITY_N_COLUMNS);
      g_ptr_array_add (list, o);
    }
  if (!sp_metrics_finish (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* The CSV export (sp-opportunity-csv.h): the import's first English header of each field. */
static const SpCurrency *
export_currency (SpStore *store)
{
  g_autofree char *code = sp_store_get_setting (store, "currency");
  const SpCurrency *currency = code != NULL ? sp_currency_lookup (code) : NULL;

  return currency != NULL ? currency : sp_currency_lookup ("CNY");
}

static char *
format_amount (gint64            amount,
               const SpCurrency *currency)
{
  gint64 scale = 1;

  for (guint i = 0; i < currency->digits; i++)
    scale *= 10;
  if (currency->digits == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, amount);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT, amount / scale,
                          (int) currency->digits, amount % scale);
}

gboolean
sp_opportunity_export (SpStore        *store,
                       GOutputStream  *stream,
                       gint64          rep_id,
                       gint64          region_id,
                       gint64          stage_id,
                       SpCsvWriteFlags flags,
                       GCancellable   *cancellable,
                       GError        **error)
{
  sqlite3 *db = sp_store_get_db (store);
  const SpCurrency *currency = export_currency (store);
  g_autoptr(SpCsvWriter) writer = sp_csv_writer_new (stream, flags);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_fields;
  const SpCsvField *csv_fields = sp_opportunity_csv_fields (&n_fields);
  int rc;

  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (header, g_strdup (csv_fields[i].headers[0]));
  stmt = sp_sql_prepare (db, "SELECT id, name FROM pipeline_stage ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (stage_ids, id);
      g_ptr_array_add (header, g_strconcat ("entered ", sqlite3_column_text (stmt, 1), NULL));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!sp_csv_writer_write_row (writer, (const char * const *) header->pdata, header->len,
                                cancellable, error))
    return FALSE;

  stmt = sp_sql_prepare (db,
    "SELECT o.id, o.title, coalesce(c.name, ''), coalesce(c.class, ''),"
    "       coalesce(c.intent_grade, ''), coalesce(r.name, ''), o.amount, o.created_on,"
    "       coalesce(o.expected_close, ''), s.name, coalesce(o.closed_on, ''), o.invoiced,"
    "       o.collected"
    "  FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id"
    "  LEFT JOIN customer c ON c.id = o.customer_id LEFT JOIN rep r ON r.id = o.rep_id"
    " WHERE (?1 = 0 OR o.rep_id = ?1)"
    "   AND (?2 = 0 OR o.rep_id IN (SELECT id FROM rep WHERE region_id = ?2))"
    "   AND (?3 = 0 OR o.stage_id = ?3)"
    " ORDER BY o.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rep_id);
  sqlite3_bind_int64 (stmt, 2, region_id);
  sqlite3_bind_int64 (stmt, 3, stage_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(sqlite3_stmt) hist = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (int c = 1; c <= 12; c++)
        if (c == 6 || c == 11 || c == 12)
          g_ptr_array_add (row, format_amount (sqlite3_column_int64 (stmt, c), currency));
        else
          g_ptr_array_add (row, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
      hist = sp_sql_prepare (db, "SELECT max(entered_on) FROM opportunity_stage_history"
                             " WHERE opportunity_id = ? AND stage_id = ?", error);
      if (hist == NULL)
        return FALSE;
      for (guint i = 0; i < stage_ids->len; i++)
        {
          sqlite3_reset (hist);
          sqlite3_bind_int64 (hist, 1, id);
          sqlite3_bind_int64 (hist, 2, g_array_index (stage_ids, gint64, i));
          sqlite3_step (hist);
          g_ptr_array_add (row, g_strdup ((const char *) sqlite3_column_text (hist, 0)));
        }
      if (!sp_csv_writer_write_row (writer, (const char * const *) row->pdata, row->len,
                                    cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not read the opportunities"));
  return sp_csv_writer_flush (writer, cancellable, error);
}
