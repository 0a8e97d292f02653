/* sp-rep-merge.c — one rep imported twice under two spellings becomes one: every row of the
 * one moves to the other, conflicts summed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-rep"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-rep.h"
#include "sp-team-private.h"

/* Notes of both entries, one per line, when both say something. */
#define JOIN_TEXT(c) \
  c " = CASE WHEN t." c " = '' THEN f." c " WHEN f." c " = '' THEN t." c \
  " ELSE t." c " || char (10) || f." c " END"
#define SUM(c) c " = t." c " + f." c

/* ?1 the rep merged away, ?2 the rep that stays. Each statement runs as it is, in order. */
static const char * const merge_sql[] = {
  /* The work log: one entry per rep and day. */
  "UPDATE worklog_entry AS t SET "
  SUM ("prospects") ", " SUM ("appointments") ", " SUM ("presentations") ", "
  SUM ("objections") ", " SUM ("closes") ", " SUM ("orders") ", " SUM ("revenue") ", "
  SUM ("new_customers") ", " SUM ("repeat_purchases") ", " SUM ("collected") ", "
  JOIN_TEXT ("summary") ", " JOIN_TEXT ("problems") ", " JOIN_TEXT ("help_needed") ", "
  JOIN_TEXT ("tomorrow_plan")
  "  FROM worklog_entry AS f WHERE f.rep_id = ?1 AND t.rep_id = ?2 AND f.day = t.day",
  "DELETE FROM worklog_entry WHERE rep_id = ?1"
  "   AND day IN (SELECT day FROM worklog_entry WHERE rep_id = ?2)",
  "UPDATE worklog_entry SET rep_id = ?2 WHERE rep_id = ?1",
  /* Commitments: one per plan and rep. */
  "UPDATE plan_commitment AS t SET amount = t.amount + f.amount"
  "  FROM plan_commitment AS f WHERE f.rep_id = ?1 AND t.rep_id = ?2 AND f.plan_id = t.plan_id",
  "DELETE FROM plan_commitment WHERE rep_id = ?1"
  "   AND plan_id IN (SELECT plan_id FROM plan_commitment WHERE rep_id = ?2)",
  "UPDATE plan_commitment SET rep_id = ?2 WHERE rep_id = ?1",
  /* Breakdown cells of the rep dimension: one per plan, period and member. */
  "UPDATE breakdown_cell AS t SET amount = t.amount + f.amount, locked = max (t.locked, f.locked)"
  "  FROM breakdown_cell AS f"
  " WHERE f.dimension = 'rep' AND t.dimension = 'rep' AND f.member_id = ?1 AND t.member_id = ?2"
  "   AND f.plan_id = t.plan_id AND f.period_kind = t.period_kind"
  "   AND f.period_start = t.period_start",
  "DELETE FROM breakdown_cell AS f WHERE f.dimension = 'rep' AND f.member_id = ?1"
  "   AND EXISTS (SELECT 1 FROM breakdown_cell t WHERE t.dimension = 'rep'"
  "                  AND t.member_id = ?2 AND t.plan_id = f.plan_id"
  "                  AND t.period_kind = f.period_kind AND t.period_start = f.period_start)",
  "UPDATE breakdown_cell SET member_id = ?2 WHERE dimension = 'rep' AND member_id = ?1",
  /* The rep that stays keeps its own region history. */
  "DELETE FROM rep_region WHERE rep_id = ?1",
  /* Its active range covers both. */
  "UPDATE rep SET"
  "  hired_on = (SELECT CASE WHEN a.hired_on IS NULL THEN b.hired_on"
  "                          WHEN b.hired_on IS NULL THEN a.hired_on"
  "                          ELSE min (a.hired_on, b.hired_on) END"
  "                FROM rep a, rep b WHERE a.id = ?1 AND b.id = ?2),"
  "  left_on = (SELECT CASE WHEN a.left_on IS NULL OR b.left_on IS NULL THEN NULL"
  "                         ELSE max (a.left_on, b.left_on) END"
  "               FROM rep a, rep b WHERE a.id = ?1 AND b.id = ?2)"
  " WHERE id = ?2",
};

/* Every other column that references a rep (history orders, opportunities, action items, and
 * whatever a later table adds) follows as it is. */
static gboolean
move_references (sqlite3  *db,
                 gint64    from_id,
                 gint64    into_id,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (db,
                         "SELECT m.name, k.\"from\" FROM sqlite_schema m,"
                         "       pragma_foreign_key_list (m.name) k"
                         " WHERE m.type = 'table' AND k.\"table\" = 'rep'"
                         "   AND m.name NOT IN ('worklog_entry', 'plan_commitment', 'rep_region')"
                         " ORDER BY m.name, k.\"from\"",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?2 WHERE \"%s\" = ?1",
                                              (const char *) sqlite3_column_text (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1),
                                              (const char *) sqlite3_column_text (stmt, 1));

      if (!sp_sql_run (db, NULL, _("Could not merge the reps"), NULL, error, sql, "ii",
                       from_id, into_id))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not merge the reps"));
  return TRUE;
}

gboolean
sp_rep_merge (SpStore  *store,
              gint64    from_id,
              gint64    into_id,
              GError  **error)
{
  g_auto(SpRepRow) from = { 0 };
  g_auto(SpRepRow) into = { 0 };
  sqlite3 *db;
  gboolean ok = TRUE;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  db = sp_store_get_db (store);
  if (!sp_rep_row_load (db, from_id, &from, error) || !sp_rep_row_load (db, into_id, &into, error))
    return FALSE;
  if (from_id == into_id)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("“%s” cannot be merged into themselves"), from.name);
      return FALSE;
    }

  if (!sp_store_begin_edit (store, _("Merge reps"), error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (merge_sql); i++)
    ok = sp_sql_run (db, NULL, _("Could not merge the reps"), NULL, error, merge_sql[i], "ii",
                     from_id, into_id);
  ok = ok && move_references (db, from_id, into_id, error)
       && sp_sql_run (db, NULL, _("Could not merge the reps"), NULL, error,
                      "DELETE FROM rep WHERE id = ?", "i", from_id);
  if (!ok)
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }
  return sp_store_commit_edit (store, error);
}
