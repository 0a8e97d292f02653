/* sp-rep-edit.c — the roster's edits of one rep: rename, hire date, region moves, leaving
 * (with the handover of their open work) and coming back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-rep"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-rep.h"
#include "sp-team-private.h"

/* ---- shared checks ------------------------------------------------------------------- */

void
sp_rep_row_clear (SpRepRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->hired_on, g_free);
  g_clear_pointer (&row->left_on, g_free);
}

gboolean
sp_rep_row_load (sqlite3   *db,
                 gint64     id,
                 SpRepRow  *row,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (db, "SELECT name, coalesce (region_id, 0), hired_on, left_on"
                             "  FROM rep WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                           _("That rep does not exist"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return sp_sql_set_error (db, error, _("Could not read the rep"));

  row->id = id;
  row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->region_id = sqlite3_column_int64 (stmt, 1);
  row->hired_on = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->left_on = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  return TRUE;
}

gboolean
sp_team_check_day (const char  *text,
                   GError     **error)
{
  GDate day;

  g_date_clear (&day, 1);
  if (text == NULL || !sp_date_parse_iso (text, &day))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("Invalid date “%s”: expected YYYY-MM-DD"), text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

char *
sp_team_trim_name (const char  *name,
                   const char  *empty_message,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID, empty_message);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

char *
sp_team_region_name (sqlite3  *db,
                     gint64    region_id,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (db, "SELECT name FROM region WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, region_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                         _("That region does not exist"));
  else
    sp_sql_set_error (db, error, _("Could not read the region"));
  return NULL;
}

gboolean
sp_team_rep_name_taken (sqlite3     *db,
                        const char  *name,
                        gint64       region_id,
                        gint64       except_id,
                        gboolean    *taken,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (db, "SELECT 1 FROM rep WHERE name = ?1 AND id <> ?3"
                             "   AND coalesce (region_id, 0) = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, region_id);
  sqlite3_bind_int64 (stmt, 3, except_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not read the rep"));
  *taken = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (SP_STORE_ERROR, SP_STORE_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

/* Ends the edit begun before the writes: commit when @ok, else roll back. */
static gboolean
end_edit (SpStore   *store,
          gboolean   ok,
          GError   **error)
{
  if (!ok)
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }
  return sp_store_commit_edit (store, error);
}

/* The newest (or with @earliest the oldest) day of the rep's region history, or NULL. */
static char *
move_day (sqlite3  *db,
          gint64    rep_id,
          gboolean  earliest)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_sql_prepare (db, earliest ? "SELECT min (from_day) FROM rep_region WHERE rep_id = ?"
                                       : "SELECT max (from_day) FROM rep_region WHERE rep_id = ?",
                         NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rep_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

/* ---- rename, hire date --------------------------------------------------------------- */

/* The day after which a new hire date may not fall: the rep's first move after the region
 * they were hired into (@first, their earliest rep_region day), or NULL. */
static char *
second_move_day (sqlite3     *db,
                 gint64       rep_id,
                 const char  *first)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_sql_prepare (db, "SELECT min (from_day) FROM rep_region"
                             " WHERE rep_id = ?1 AND from_day > ?2", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rep_id);
  sqlite3_bind_text (stmt, 2, first != NULL ? first : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

gboolean
sp_rep_edit (SpStore     *store,
             gint64       rep_id,
             const char  *name,
             const char  *hired_on,
             GError     **error)
{
  g_auto(SpRepRow) rep = { 0 };
  g_autofree char *trimmed = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *label;
  sqlite3 *db;
  gboolean taken = FALSE, ok = TRUE;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  db = sp_store_get_db (store);
  if ((name != NULL && (trimmed = sp_team_trim_name (name, _("A rep needs a name"), error)) == NULL)
      || (hired_on != NULL && !sp_team_check_day (hired_on, error))
      || !sp_rep_row_load (db, rep_id, &rep, error))
    return FALSE;
  if (trimmed != NULL && g_str_equal (trimmed, rep.name))
    g_clear_pointer (&trimmed, g_free);
  if (hired_on != NULL && g_strcmp0 (hired_on, rep.hired_on) == 0)
    hired_on = NULL;
  if (trimmed == NULL && hired_on == NULL)
    return TRUE;

  if (trimmed != NULL)
    {
      if (!sp_team_rep_name_taken (db, trimmed, rep.region_id, rep_id, &taken, error))
        return FALSE;
      if (taken)
        return refuse (error, _("There is already a rep named “%s” in this region"), trimmed);
    }
  if (hired_on != NULL)
    {
      if (rep.left_on != NULL && strcmp (hired_on, rep.left_on) > 0)
        return refuse (error, _("“%s” cannot be hired on %s, after leaving on %s"),
                       rep.name, hired_on, rep.left_on);
      /* The region of the hire day moves with it; any later move must stay after it. */
      first = move_day (db, rep_id, TRUE);
      second = second_move_day (db, rep_id, first);
      if (second != NULL && strcmp (hired_on, second) >= 0)
        return refuse (error, _("“%s” cannot be hired on %s, after moving region on %s"),
                       rep.name, hired_on, second);
    }

  label = hired_on == NULL ? _("Rename rep") : trimmed == NULL ? _("Change hire date")
                                                                : _("Edit rep");
  if (!sp_store_begin_edit (store, label, error))
    return FALSE;
  if (trimmed != NULL)
    ok = sp_sql_run (db, NULL, _("Could not change the rep"), NULL, error,
                     "UPDATE rep SET name = ? WHERE id = ?", "ti", trimmed, rep_id);
  if (ok && hired_on != NULL)
    ok = sp_sql_run (db, NULL, _("Could not change the rep"), NULL, error,
                     "UPDATE rep SET hired_on = ? WHERE id = ?", "ti", hired_on, rep_id)
         && (first == NULL
             || !(rep.hired_on == NULL || g_str_equal (first, rep.hired_on)
                  || strcmp (hired_on, first) < 0)
             || sp_sql_run (db, NULL, _("Could not change the rep"), NULL, error,
                            "UPDATE rep_region SET from_day = ?1"
                            " WHERE rep_id = ?2 AND from_day = ?3",
                            "tit", hired_on, rep_id, first));
  return end_edit (store, ok, error);
}

gboolean
sp_rep_rename (SpStore     *store,
               gint64       rep_id,
               const char  *name,
               GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  return sp_rep_edit (store, rep_id, name, NULL, error);
}

gboolean
sp_rep_set_hired_on (SpStore     *store,
                     gint64       rep_id,
                     const char  *hired_on,
                     GError     **error)
{
  g_return_val_if_fail (hired_on != NULL, FALSE);
  return sp_rep_edit (store, rep_id, NULL, hired_on, error);
}

/* ---- moves --------------------------------------------------------------------------- */

/* The first day the rep is known: hire date, else the earliest of their work log, orders and
 * opportunities, else @day. */
static char *
first_known_day (sqlite3     *db,
                 SpRepRow    *rep,
                 const char  *day)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (rep->hired_on != NULL)
    return g_strdup (rep->hired_on);
  stmt = sp_sql_prepare (db, "SELECT min (d) FROM ("
                             "  SELECT min (day) AS d FROM worklog_entry WHERE rep_id = ?1"
                             "  UNION ALL SELECT min (order_day) FROM history_order"
                             "             WHERE rep_id = ?1"
                             "  UNION ALL SELECT min (created_on) FROM opportunity"
                             "             WHERE rep_id = ?1"
                             "  UNION ALL SELECT ?2)", NULL);
  if (stmt == NULL)
    return g_strdup (day);
  sqlite3_bind_int64 (stmt, 1, rep->id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return g_strdup (day);
}

gboolean
sp_rep_move (SpStore     *store,
             gint64       rep_id,
             gint64       region_id,
             const char  *day,
             GError     **error)
{
  g_auto(SpRepRow) rep = { 0 };
  g_autofree char *region_name = NULL;
  g_autofree char *last = NULL;
  g_autofree char *first = NULL;
  sqlite3 *db;
  gboolean taken = FALSE, ok;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  db = sp_store_get_db (store);
  if (!sp_team_check_day (day, error)
      || (region_name = sp_team_region_name (db, region_id, error)) == NULL
      || !sp_rep_row_load (db, rep_id, &rep, error))
    return FALSE;
  if (rep.hired_on != NULL && strcmp (day, rep.hired_on) < 0)
    return refuse (error, _("“%s” cannot move on %s, before being hired on %s"),
                   rep.name, day, rep.hired_on);
  if (rep.left_on != NULL && strcmp (day, rep.left_on) > 0)
    return refuse (error, _("“%s” cannot move on %s, after leaving on %s"),
                   rep.name, day, rep.left_on);
  if (rep.region_id == region_id)
    return refuse (error, _("“%s” is already in region “%s”"), rep.name, region_name);
  last = move_day (db, rep_id, FALSE);
  if (last != NULL && strcmp (day, last) < 0)
    return refuse (error, _("“%s” cannot move on %s, before their last move on %s"),
                   rep.name, day, last);
  if (!sp_team_rep_name_taken (db, rep.name, region_id, rep_id, &taken, error))
    return FALSE;
  if (taken)
    return refuse (error, _("There is already a rep named “%s” in this region"), rep.name);

  if (!sp_store_begin_edit (store, _("Move rep"), error))
    return FALSE;
  first = last == NULL && rep.region_id > 0 ? first_known_day (db, &rep, day) : NULL;
  ok = (first == NULL || strcmp (first, day) >= 0
        || sp_sql_run (db, NULL, _("Could not move the rep"), NULL, error,
                       "INSERT INTO rep_region (rep_id, region_id, from_day) VALUES (?, ?, ?)",
                       "iit", rep_id, rep.region_id, first))
       && sp_sql_run (db, NULL, _("Could not move the rep"), NULL, error,
                      "INSERT INTO rep_region (rep_id, region_id, from_day) VALUES (?1, ?2, ?3)"
                      " ON CONFLICT (rep_id, from_day) DO UPDATE SET region_id = ?2",
                      "iit", rep_id, region_id, day)
       && sp_sql_run (db, NULL, _("Could not move the rep"), NULL, error,
                      "UPDATE rep SET region_id = ? WHERE id = ?", "ii", region_id, rep_id);
  if (!ok)
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }
  return sp_store_commit_edit (store, error);
}

/* ---- leaving ------------------------------------------------------------------------- */

static const char open_opportunities_where[] =
  " WHERE rep_id = ?1 AND stage_id IN (SELECT id FROM pipeline_stage WHERE outcome = 'open')";

/* The count @sql gives for ?1 = @rep_id; -1 with @error, prefixed with @what. */
static gint64
count_rows (SpStore     *store,
            const char  *sql,
            gint64       rep_id,
            const char  *what,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), -1);

  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, rep_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sp_store_set_sql_error (store, error, what);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gint64
sp_rep_count_open_opportunities (SpStore  *store,
                                 gint64    rep_id,
                                 GError  **error)
{
  g_autofree char *sql = g_strconcat ("SELECT count (*) FROM opportunity",
                                      open_opportunities_where, NULL);

  return count_rows (store, sql, rep_id, _("Could not count the rep’s opportunities"), error);
}

gint64
sp_rep_count_customers (SpStore  *store,
                        gint64    rep_id,
                        GError  **error)
{
  return count_rows (store, "SELECT count (*) FROM customer WHERE rep_id = ?1", rep_id,
                     _("Could not count the rep’s customers"), error);
}

gboolean
sp_rep_leave (SpStore     *store,
              gint64       rep_id,
              const char  *day,
              gint64       handover_rep_id,
              GError     **error)
{
  g_auto(SpRepRow) rep = { 0 };
  g_auto(SpRepRow) heir = { 0 };
  g_autofree char *last = NULL;
  g_autofree char *handover_sql = NULL;
  sqlite3 *db;
  gint64 n_open, n_customers;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  db = sp_store_get_db (store);
  if (!sp_team_check_day (day, error) || !sp_rep_row_load (db, rep_id, &rep, error))
    return FALSE;
  if (rep.left_on != NULL)
    return refuse (error, _("“%s” already left on %s"), rep.name, rep.left_on);
  if (rep.hired_on != NULL && strcmp (day, rep.hired_on) < 0)
    return refuse (error, _("“%s” cannot leave on %s, before being hired on %s"),
                   rep.name, day, rep.hired_on);
  last = move_day (db, rep_id, FALSE);
  if (last != NULL && strcmp (day, last) < 0)
    return refuse (error, _("“%s” cannot leave on %s, before their move on %s"),
                   rep.name, day, last);
  if (handover_rep_id != 0)
    {
      if (handover_rep_id == rep_id)
        return refuse (error, _("“%s” cannot hand their work over to themselves"), rep.name);
      if (!sp_rep_row_load (db, handover_rep_id, &heir, error))
        return FALSE;
      if (heir.left_on != NULL)
        return refuse (error, _("“%s” cannot take over the work of “%s”: they left on %s"),
                       heir.name, rep.name, heir.left_on);
    }
  n_open = sp_rep_count_open_opportunities (store, rep_id, error);
  if (n_open < 0 || (n_customers = sp_rep_count_customers (store, rep_id, error)) < 0)
    return FALSE;
  if (n_open > 0 && handover_rep_id == 0)
    return refuse (error,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %u open opportunity; name a rep to hand it over to",
                                "“%s” still has %u open opportunities; name a rep to hand them over to",
                                (gulong) n_open),
                   rep.name, (guint) n_open);
  if (n_customers > 0 && handover_rep_id == 0)
    return refuse (error,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %u customer; name a rep to hand it over to",
                                "“%s” still has %u customers; name a rep to hand them over to",
                                (gulong) n_customers),
                   rep.name, (guint) n_customers);

  if (!sp_store_begin_edit (store, _("Rep leaves"), error))
    return FALSE;
  handover_sql = g_strconcat ("UPDATE opportunity SET rep_id = ?2", open_opportunities_where,
                              NULL);
  if ((n_open > 0
       && !sp_sql_run (db, NULL, _("Could not hand the opportunities over"), NULL, error,
                       handover_sql, "ii", rep_id, handover_rep_id))
      || (n_customers > 0
          && !sp_sql_run (db, NULL, _("Could not hand the customers over"), NULL, error,
                          "UPDATE customer SET rep_id = ?2 WHERE rep_id = ?1", "ii",
                          rep_id, handover_rep_id))
      || !sp_sql_run (db, NULL, _("Could not record the leaving day"), NULL, error,
                      "UPDATE rep SET left_on = ? WHERE id = ?", "ti", day, rep_id))
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }
  return sp_store_commit_edit (store, error);
}

gboolean
sp_rep_reactivate (SpStore  *store,
                   gint64    rep_id,
                   GError  **error)
{
  g_auto(SpRepRow) rep = { 0 };

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!sp_rep_row_load (sp_store_get_db (store), rep_id, &rep, error))
    return FALSE;
  if (rep.left_on == NULL)
    return refuse (error, _("“%s” is still on the team"), rep.name);
  if (!sp_store_begin_edit (store, _("Re-activate rep"), error))
    return FALSE;
  return end_edit (store, sp_sql_run (sp_store_get_db (store), NULL,
                                      _("Could not re-activate the rep"), NULL, error,
                                      "UPDATE rep SET left_on = NULL WHERE id = ?", "i", rep_id),
                   error);
}
