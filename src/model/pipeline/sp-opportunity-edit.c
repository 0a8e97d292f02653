/* sp-opportunity-edit.c — what the opportunity editor needs: customer classes, the pipeline's
 * stages, saving a whole opportunity as one undo step, and the cohort funnel's lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-opportunity"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-metrics-private.h"
#include "sp-opportunity-private.h"

static const struct { const char *id; const char *name; } customer_classes[] = {
  { "strategic", N_("Strategic customer") },
  { "industry", N_("Industry customer") },
  { "scattered", N_("Scattered customer") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (customer_classes) == SP_CUSTOMER_N_CLASSES);

const char *
sp_customer_class_to_string (SpCustomerClass klass)
{
  g_return_val_if_fail ((guint) klass < SP_CUSTOMER_N_CLASSES, NULL);
  return customer_classes[klass].id;
}

int
sp_customer_class_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (customer_classes); i++)
    if (g_strcmp0 (text, customer_classes[i].id) == 0)
      return (int) i;
  return -1;
}

const char *
sp_customer_class_get_name (SpCustomerClass klass)
{
  g_return_val_if_fail ((guint) klass < SP_CUSTOMER_N_CLASSES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, customer_classes[klass].name);
}

void
sp_pipeline_stage_free (SpPipelineStage *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->name);
  g_free (stage->outcome);
  g_free (stage);
}

GPtrArray *
sp_opportunity_list_pipeline (SpStore  *store,
                              GError  **error)
{
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_pipeline_stage_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  db = sp_store_get_db (store);
  stmt = sp_sql_prepare (db, "SELECT id, name, outcome FROM pipeline_stage"
                         " ORDER BY outcome <> 'open', position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpPipelineStage *stage = g_new0 (SpPipelineStage, 1);

      stage->id = sqlite3_column_int64 (stmt, 0);
      stage->name = g_strdup (sp_pipeline_stage_display_name (
          (const char *) sqlite3_column_text (stmt, 1)));
      stage->outcome = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (stages, stage);
    }
  if (rc != SQLITE_DONE)
    {
      sp_sql_set_error (db, error, _("Could not read the pipeline stages"));
      return NULL;
    }
  return g_steal_pointer (&stages);
}

/* The cohort members (sp-metrics.h) that reached :stage's rank by :to. */
static const char list_reached_sql[] =
  "WITH " SP_OPPORTUNITY_RANKED_STAGES_CTE ","
  " co AS MATERIALIZED ("
  "  SELECT o.id AS oid,"
  "         coalesce((SELECT max(fs.k) FROM opportunity_stage_history h"
  "                    JOIN fs ON fs.id = h.stage_id"
  "                   WHERE h.opportunity_id = o.id AND h.entered_on <= :to),"
  "                  (SELECT fs.k FROM fs WHERE fs.id = o.stage_id"
  "                     AND NOT EXISTS (SELECT 1 FROM opportunity_stage_history h"
  "                                      WHERE h.opportunity_id = o.id)),"
  "                  -1) AS m,"
  "         (SELECT h.entered_on FROM opportunity_stage_history h"
  "           WHERE h.opportunity_id = o.id AND h.entered_on <= :to"
  "           ORDER BY h.entered_on DESC, h.id DESC LIMIT 1) AS entered"
  "    FROM opportunity o"
  "   WHERE o.created_on BETWEEN :from AND :to%s)"
  SELECT_COLUMNS ","
  "       max(0, CAST(julianday(min(:to, :today, coalesce(o.closed_on, :to)))"
  "                   - julianday(coalesce(co.entered, o.created_on)) AS INTEGER))"
  SELECT_JOINS " JOIN co ON co.oid = o.id"
  " WHERE co.m >= (SELECT fs.k FROM fs WHERE fs.id = :stage)"
  " ORDER BY o.expected_close IS NULL, o.expected_close, o.id";

GPtrArray *
sp_opportunity_list_reached (SpStore                *store,
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

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!sp_metrics_check_filter (filter, error))
    return NULL;
  outcome = sp_opportunity_stage_outcome (sp_store_get_db (store), stage_id, error);
  if (outcome == NULL)
    return NULL;
  where = sp_metrics_filter_sql (filter, "o.rep_id");
  sql = g_strdup_printf (list_reached_sql, where);
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

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_edit (sqlite3                 *db,
            const SpOpportunityEdit *edit,
            GError                 **error)
{
  g_autofree char *title = g_strstrip (g_strdup (edit->title != NULL ? edit->title : ""));
  g_autofree char *outcome = NULL;
  const char *grade = edit->intent_grade != NULL ? edit->intent_grade : "";

  if (*title == '\0')
    return invalid (error, _("Enter a title for the opportunity"));
  if (!sp_opportunity_check_iso (edit->created_on, FALSE, error)
      || !sp_opportunity_check_iso (edit->expected_close, TRUE, error)
      || !sp_opportunity_check_iso (edit->stage_on, TRUE, error))
    return FALSE;
  if (edit->expected_close != NULL && strcmp (edit->expected_close, edit->created_on) < 0)
    return invalid (error, _("The expected close date cannot be before the creation date"));
  if (edit->amount < 0 || edit->invoiced < 0 || edit->collected < 0)
    return invalid (error, _("An amount cannot be negative"));
  if (edit->collected > edit->invoiced)
    return invalid (error, _("The amount collected cannot exceed the amount invoiced"));
  if ((guint) edit->customer_class >= SP_CUSTOMER_N_CLASSES)
    return invalid (error, _("Choose a customer class"));
  if (!(grade[0] == '\0' || (strchr ("ABCD", grade[0]) != NULL && grade[1] == '\0')))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("Unknown intent grade “%s”"), grade);
      return FALSE;
    }
  if (edit->rep_id != 0)
    {
      g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, "SELECT 1 FROM rep WHERE id = ?",
                                                     error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, edit->rep_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                       _("No rep with id %lld"), (long long) edit->rep_id);
          return FALSE;
        }
    }
  outcome = sp_opportunity_stage_outcome (db, edit->stage_id, error);
  return outcome != NULL;
}

/* The customer named @name (trimmed), added when missing, with the class and grade of @edit;
 * 0 without a name. -1 on error. */
static gint64
ensure_customer (sqlite3                 *db,
                 const SpOpportunityEdit *edit,
                 GError                 **error)
{
  g_autofree char *name = g_strstrip (g_strdup (edit->customer != NULL ? edit->customer : ""));
  const char *klass = sp_customer_class_to_string (edit->customer_class);
  const char *grade = edit->intent_grade != NULL ? edit->intent_grade : "";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  if (*name == '\0')
    return 0;
  stmt = sp_sql_prepare (db, "SELECT id FROM customer WHERE name = ? ORDER BY id LIMIT 1",
                         error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (id == 0)
    return sp_sql_run (db, NULL, _("Could not save the opportunity"), &id, error,
                               "INSERT INTO customer (name, class, intent_grade) VALUES (?, ?, ?)",
                               "ttt", name, klass, grade) ? id : -1;
  return sp_sql_run (db, NULL, _("Could not save the opportunity"), NULL, error,
                             "UPDATE customer SET class = ?, intent_grade = ? WHERE id = ?",
                             "tti", klass, grade, id) ? id : -1;
}

/* Updates opportunity @id but its stage; moves the first history row along with created_on. */
static gboolean
update_existing (sqlite3                 *db,
                 gint64                   id,
                 gint64                   customer_id,
                 const SpOpportunityEdit *edit,
                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = g_strstrip (g_strdup (edit->title));
  g_autofree char *old_created = NULL;

  stmt = sp_sql_prepare (db, "SELECT created_on FROM opportunity WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   _("No opportunity with id %lld"), (long long) id);
      return FALSE;
    }
  old_created = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (g_strcmp0 (old_created, edit->created_on) != 0)
    {
      if (!sp_sql_run (db, NULL, _("Could not save the opportunity"), NULL, error,
                               "UPDATE opportunity_stage_history SET entered_on = ?1"
                               " WHERE id = (SELECT id FROM opportunity_stage_history"
                               "              WHERE opportunity_id = ?2"
                               "              ORDER BY entered_on, id LIMIT 1)"
                               "   AND entered_on = ?3", "tit", edit->created_on, id,
                               old_created))
        return FALSE;
      stmt = sp_sql_prepare (db, "SELECT min(entered_on) FROM opportunity_stage_history"
                             " WHERE opportunity_id = ? AND entered_on < ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, edit->created_on, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                       _("The opportunity changed stage on %s, before the creation date"),
                       (const char *) sqlite3_column_text (stmt, 0));
          return FALSE;
        }
    }
  return sp_sql_run (db, NULL, _("Could not save the opportunity"), NULL, error,
                             "UPDATE opportunity SET title = ?, customer_id = ?, rep_id = ?,"
                             " amount = ?, created_on = ?, expected_close = ?, invoiced = ?,"
                             " collected = ? WHERE id = ?", "tIIittiii", title, customer_id,
                             edit->rep_id, edit->amount, edit->created_on, edit->expected_close,
                             edit->invoiced, edit->collected, id);
}

gint64
sp_opportunity_save (SpStore                 *store,
                     gint64                   id,
                     const SpOpportunityEdit *edit,
                     GError                 **error)
{
  sqlite3 *db;
  gint64 customer_id;
  gboolean own, ok;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail (edit != NULL, 0);

  db = sp_store_get_db (store);
  if (!check_edit (db, edit, error))
    return 0;
  if (!sp_opportunity_edit_begin (store, id == 0 ? _("Add opportunity") : _("Edit opportunity"),
                                  &own, error))
    return 0;
  customer_id = ensure_customer (db, edit, error);
  ok = customer_id >= 0;
  if (ok && id == 0)
    {
      g_autofree char *title = g_strstrip (g_strdup (edit->title));

      id = sp_opportunity_add (store, title, customer_id, edit->rep_id, edit->stage_id,
                               edit->amount, edit->created_on, edit->expected_close, error);
      ok = id != 0
           && sp_sql_run (db, NULL, _("Could not save the opportunity"), NULL, error,
                                  "UPDATE opportunity SET invoiced = ?, collected = ?"
                                  " WHERE id = ?", "iii", edit->invoiced, edit->collected, id);
    }
  else if (ok)
    ok = update_existing (db, id, customer_id, edit, error)
         && sp_opportunity_set_stage (store, id, edit->stage_id, edit->stage_on, error);
  return sp_opportunity_edit_end (store, own, ok, error) ? id : 0;
}
