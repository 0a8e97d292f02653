/* sp-worklog.c — the work log's entries: reading, field-by-field saving with undo, the day grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-preferences.h"
#include "sp-store-private.h"
#include "sp-worklog.h"

/* Years of history kept before the first plan, and the reach into the future. */
#define YEARS_BEFORE_FIRST_PLAN 5
#define YEARS_AHEAD             1

/* The columns in SpWorklogField order (a test checks it against the keys). */
#define ENTRY_COLUMNS \
  "prospects, appointments, presentations, objections, closes, orders, revenue," \
  " new_customers, repeat_purchases, collected, summary, problems, help_needed, tomorrow_plan"

/* Entries */

void
sp_worklog_entry_init (SpWorklogEntry *entry,
                       gint64          rep_id,
                       const GDate    *day)
{
  g_return_if_fail (entry != NULL);

  memset (entry, 0, sizeof *entry);
  entry->rep_id = rep_id;
  g_date_clear (&entry->day, 1);
  if (day != NULL)
    entry->day = *day;
}

void
sp_worklog_entry_clear (SpWorklogEntry *entry)
{
  g_return_if_fail (entry != NULL);

  for (guint i = 0; i < SP_WORKLOG_N_NOTES; i++)
    g_clear_pointer (&entry->notes[i], g_free);
}

void
sp_worklog_entry_copy (const SpWorklogEntry *src,
                       SpWorklogEntry       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  *dest = *src;
  for (guint i = 0; i < SP_WORKLOG_N_NOTES; i++)
    dest->notes[i] = g_strdup (src->notes[i]);
}

const char *
sp_worklog_entry_get_note (const SpWorklogEntry *entry,
                           SpWorklogField        field)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (field >= SP_WORKLOG_FIRST_NOTE && field < SP_WORKLOG_N_FIELDS, NULL);

  return entry->notes[field - SP_WORKLOG_FIRST_NOTE] ? entry->notes[field - SP_WORKLOG_FIRST_NOTE]
                                                     : "";
}

void
sp_worklog_entry_set_note (SpWorklogEntry *entry,
                           SpWorklogField  field,
                           const char     *note)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (field >= SP_WORKLOG_FIRST_NOTE && field < SP_WORKLOG_N_FIELDS);

  g_free (entry->notes[field - SP_WORKLOG_FIRST_NOTE]);
  entry->notes[field - SP_WORKLOG_FIRST_NOTE] = g_strdup (note);
}

/* Reads the ENTRY_COLUMNS starting at column @first into @entry's values and notes. */
static void
read_entry_columns (sqlite3_stmt   *stmt,
                    int             first,
                    SpWorklogEntry *entry)
{
  for (guint i = 0; i < SP_WORKLOG_N_VALUES; i++)
    entry->values[i] = sqlite3_column_int64 (stmt, first + (int) i);
  for (guint i = 0; i < SP_WORKLOG_N_NOTES; i++)
    {
      int column = first + (int) (SP_WORKLOG_N_VALUES + i);
      const char *text = (const char *) sqlite3_column_text (stmt, column);

      g_free (entry->notes[i]);
      entry->notes[i] = g_strdup (text ? text : "");
    }
}

/* Checks */

gboolean
sp_worklog_get_day_range (SpStore  *store,
                          GDate    *first,
                          GDate    *last,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate lo, hi, today, fy_first, fy_last;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT min(fiscal_year), max(fiscal_year) FROM plan", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_store_set_sql_error (store, error, _("Could not read the plans"));

  preferences = sp_preferences_new (store);
  calendar = sp_calendar_new (sp_preferences_get_fiscal_start_month (preferences));

  now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));

  g_date_clear (&lo, 1);
  g_date_clear (&fy_first, 1);
  g_date_clear (&fy_last, 1);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      g_date_set_dmy (&lo, 1, G_DATE_JANUARY, 2000);
    }
  else
    {
      sp_calendar_fiscal_year_range (calendar, sqlite3_column_int (stmt, 0), &fy_first, &fy_last);
      lo = fy_first;
      g_date_subtract_years (&lo, YEARS_BEFORE_FIRST_PLAN);
    }

  hi = today;
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      sp_calendar_fiscal_year_range (calendar, sqlite3_column_int (stmt, 1), &fy_first, &fy_last);
      if (g_date_compare (&fy_last, &hi) > 0)
        hi = fy_last;
    }
  g_date_add_years (&hi, YEARS_AHEAD);

  if (first != NULL)
    *first = lo;
  if (last != NULL)
    *last = hi;
  return TRUE;
}

static gboolean
check_day_in (const GDate  *day,
              const GDate  *first,
              const GDate  *last,
              GError      **error)
{
  if (g_date_compare (day, first) < 0 || g_date_compare (day, last) > 0)
    {
      g_autofree char *iso = sp_date_format_iso (day);
      g_autofree char *from = sp_date_format_iso (first);
      g_autofree char *to = sp_date_format_iso (last);

      g_set_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_OUT_OF_RANGE,
                   /* Translators: ISO dates: the day refused, the first and last allowed */
                   _("%s is outside the workspace’s years: the work log takes days from %s to %s"),
                   iso, from, to);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_day (SpStore      *store,
           const GDate  *day,
           GError      **error)
{
  GDate first, last;

  return sp_worklog_get_day_range (store, &first, &last, error)
         && check_day_in (day, &first, &last, error);
}

static gboolean
set_unknown_rep (gint64   rep_id,
                 GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rep_id);

  g_set_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_UNKNOWN_REP,
               /* Translators: %s is a number, the rep’s id */
               _("There is no rep with id %s"), id);
  return FALSE;
}

static gboolean
check_rep (SpStore  *store,
           gint64    rep_id,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store), "SELECT 1 FROM rep WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rep_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return set_unknown_rep (rep_id, error);
  if (rc != SQLITE_ROW)
    return sp_store_set_sql_error (store, error, _("Could not read the reps"));

  return TRUE;
}

/* Sets @error for a failed write of an entry and ends the edit. */
static gboolean
fail_write (SpStore  *store,
            gint64    rep_id,
            GError  **error)
{
  sqlite3 *db = sp_store_get_db (store);

  /* A rep removed by another process between the check and the write. */
  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_FOREIGNKEY)
    set_unknown_rep (rep_id, error);
  else
    sp_store_set_sql_error (store, error, _("Could not save the work log"));

  sp_store_rollback_edit (store);
  return FALSE;
}

/* Reading */

gboolean
sp_worklog_get (SpStore         *store,
                gint64           rep_id,
                const GDate     *day,
                SpWorklogEntry  *out,
                gboolean        *exists,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sp_worklog_entry_init (out, rep_id, day);
  if (exists != NULL)
    *exists = FALSE;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT " ENTRY_COLUMNS " FROM worklog_entry WHERE rep_id = ? AND day = ?",
                         error);
  if (stmt == NULL)
    return FALSE;

  iso = sp_date_format_iso (day);
  sqlite3_bind_int64 (stmt, 1, rep_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_entry_columns (stmt, 0, out);
      if (exists != NULL)
        *exists = TRUE;
    }
  else if (rc != SQLITE_DONE)
    {
      return sp_store_set_sql_error (store, error, _("Could not read the work log"));
    }

  return TRUE;
}

gboolean
sp_worklog_previous_plan (SpStore      *store,
                          gint64        rep_id,
                          const GDate  *day,
                          char        **plan,
                          GDate        *plan_day,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *plan = NULL;
  if (plan_day != NULL)
    g_date_clear (plan_day, 1);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT day, tomorrow_plan FROM worklog_entry"
                         " WHERE rep_id = ? AND day < ? ORDER BY day DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return FALSE;

  iso = sp_date_format_iso (day);
  sqlite3_bind_int64 (stmt, 1, rep_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (plan_day != NULL)
        sp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), plan_day);
      *plan = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    {
      return sp_store_set_sql_error (store, error, _("Could not read the work log"));
    }

  return TRUE;
}

static void
day_row_clear (gpointer data)
{
  SpWorklogDayRow *row = data;

  g_clear_pointer (&row->rep_name, g_free);
  g_clear_pointer (&row->region_name, g_free);
  sp_worklog_entry_clear (&row->entry);
}

GArray *
sp_worklog_list_day (SpStore      *store,
                     const GDate  *day,
                     gint64        region_id,
                     GError      **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A rep's region on the day is the latest rep_region move on or before it, else the
   * rep's current region. */
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "WITH r AS ("
                         "  SELECT rep.id, rep.name, rep.hired_on, rep.left_on,"
                         "         coalesce ((SELECT rr.region_id FROM rep_region rr"
                         "                     WHERE rr.rep_id = rep.id AND rr.from_day <= ?1"
                         "                     ORDER BY rr.from_day DESC LIMIT 1),"
                         "                   rep.region_id) AS region_id"
                         "    FROM rep)"
                         " SELECT r.id, r.name, r.region_id, region.name, w.id IS NOT NULL,"
                         "        " ENTRY_COLUMNS
                         "   FROM r"
                         "   LEFT JOIN region ON region.id = r.region_id"
                         "   LEFT JOIN worklog_entry w ON w.rep_id = r.id AND w.day = ?1"
                         "  WHERE (w.id IS NOT NULL"
                         "         OR ((r.hired_on IS NULL OR r.hired_on <= ?1)"
                         "             AND (r.left_on IS NULL OR r.left_on >= ?1)))"
                         "    AND (?2 = 0 OR r.region_id = ?2)"
                         "  ORDER BY region.position, region.name, r.name, r.id",
                         error);
  if (stmt == NULL)
    return NULL;

  iso = sp_date_format_iso (day);
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, region_id);

  rows = g_array_new (FALSE, TRUE, sizeof (SpWorklogDayRow));
  g_array_set_clear_func (rows, day_row_clear);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpWorklogDayRow *row;
      const char *region_name = (const char *) sqlite3_column_text (stmt, 3);

      g_array_set_size (rows, rows->len + 1);
      row = &g_array_index (rows, SpWorklogDayRow, rows->len - 1);
      row->rep_id = sqlite3_column_int64 (stmt, 0);
      row->rep_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->region_id = sqlite3_column_int64 (stmt, 2);
      row->region_name = g_strdup (region_name);
      row->exists = sqlite3_column_int (stmt, 4) != 0;
      sp_worklog_entry_init (&row->entry, row->rep_id, day);
      if (row->exists)
        read_entry_columns (stmt, 5, &row->entry);
      else
        for (guint i = 0; i < SP_WORKLOG_N_NOTES; i++)
          row->entry.notes[i] = g_strdup ("");
    }

  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the work log"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Writing */

gboolean
sp_worklog_set_field (SpStore         *store,
                      gint64           rep_id,
                      const GDate     *day,
                      SpWorklogField   field,
                      const char      *text,
                      GError         **error)
{
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *note = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *sql = NULL;
  const char *column;
  gint64 value = 0;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail ((guint) field < SP_WORKLOG_N_FIELDS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  preferences = sp_preferences_new (store);
  if (!sp_worklog_field_parse (field, text, sp_preferences_get_currency (preferences),
                               &value, &note, error)
      || !check_rep (store, rep_id, error)
      || !check_day (store, day, error))
    return FALSE;

  /* The column name comes from the constant field table, never from the caller's text.
   * The WHERE keeps an unchanged value from recording an empty undo step. */
  column = sp_worklog_field_get_key (field);
  sql = g_strdup_printf ("INSERT INTO worklog_entry (rep_id, day, %s) VALUES (?1, ?2, ?3)"
                         " ON CONFLICT (rep_id, day) DO UPDATE SET %s = excluded.%s"
                         " WHERE %s IS NOT excluded.%s",
                         column, column, column, column, column);
  iso = sp_date_format_iso (day);

  if (!sp_store_begin_edit (store, _("Edit work log"), error))
    return FALSE;

  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, rep_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  if (note != NULL)
    sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 3, value);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail_write (store, rep_id, error);

  return sp_store_commit_edit (store, error);
}

static gboolean
check_entry (SpStore               *store,
             const SpWorklogEntry  *entry,
             const SpCurrency      *currency,
             const GDate           *first,
             const GDate           *last,
             GHashTable            *known_reps,
             GError               **error)
{
  for (guint i = 0; i < SP_WORKLOG_N_VALUES; i++)
    if (!sp_worklog_field_check_value ((SpWorklogField) i, entry->values[i], currency, error))
      return FALSE;

  for (guint i = 0; i < SP_WORKLOG_N_NOTES; i++)
    if (entry->notes[i] != NULL
        && !sp_worklog_field_parse ((SpWorklogField) (SP_WORKLOG_FIRST_NOTE + i), entry->notes[i],
                                    currency, NULL, NULL, error))
      return FALSE;

  if (!g_hash_table_contains (known_reps, &entry->rep_id))
    {
      if (!check_rep (store, entry->rep_id, error))
        return FALSE;
      g_hash_table_add (known_reps, g_memdup2 (&entry->rep_id, sizeof entry->rep_id));
    }

  return check_day_in (&entry->day, first, last, error);
}

gboolean
sp_worklog_set_entries (SpStore               *store,
                        const SpWorklogEntry  *entries,
                        guint                  n_entries,
                        GError               **error)
{
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(GHashTable) known_reps = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const SpCurrency *currency;
  GDate first, last;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (entries != NULL || n_entries == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_entries; i++)
    g_return_val_if_fail (g_date_valid (&entries[i].day), FALSE);

  preferences = sp_preferences_new (store);
  currency = sp_preferences_get_currency (preferences);
  known_reps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!sp_worklog_get_day_range (store, &first, &last, error))
    return FALSE;
  for (guint i = 0; i < n_entries; i++)
    if (!check_entry (store, &entries[i], currency, &first, &last, known_reps, error))
      return FALSE;

  if (!sp_store_begin_edit (store, _("Edit work log"), error))
    return FALSE;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "INSERT INTO worklog_entry (rep_id, day, " ENTRY_COLUMNS ")"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                         "         ?13, ?14, ?15, ?16)"
                         " ON CONFLICT (rep_id, day) DO UPDATE SET"
                         "  (" ENTRY_COLUMNS ") ="
                         "  (excluded.prospects, excluded.appointments, excluded.presentations,"
                         "   excluded.objections, excluded.closes, excluded.orders,"
                         "   excluded.revenue, excluded.new_customers, excluded.repeat_purchases,"
                         "   excluded.collected, excluded.summary, excluded.problems,"
                         "   excluded.help_needed, excluded.tomorrow_plan)"
                         " WHERE (" ENTRY_COLUMNS ") IS NOT"
                         "  (excluded.prospects, excluded.appointments, excluded.presentations,"
                         "   excluded.objections, excluded.closes, excluded.orders,"
                         "   excluded.revenue, excluded.new_customers, excluded.repeat_purchases,"
                         "   excluded.collected, excluded.summary, excluded.problems,"
                         "   excluded.help_needed, excluded.tomorrow_plan)",
                         error);
  if (stmt == NULL)
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      const SpWorklogEntry *entry = &entries[i];
      g_autofree char *iso = sp_date_format_iso (&entry->day);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, entry->rep_id);
      sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
      for (guint v = 0; v < SP_WORKLOG_N_VALUES; v++)
        sqlite3_bind_int64 (stmt, 3 + (int) v, entry->values[v]);
      for (guint n = 0; n < SP_WORKLOG_N_NOTES; n++)
        {
          g_autofree char *note = NULL;

          /* Checked above: this only trims. */
          sp_worklog_field_parse ((SpWorklogField) (SP_WORKLOG_FIRST_NOTE + n),
                                  entry->notes[n] ? entry->notes[n] : "", currency, NULL, &note,
                                  NULL);

          sqlite3_bind_text (stmt, 3 + (int) (SP_WORKLOG_N_VALUES + n), note, -1,
                             SQLITE_TRANSIENT);
        }

      if (sqlite3_step (stmt) != SQLITE_DONE)
        return fail_write (store, entry->rep_id, error);
    }

  return sp_store_commit_edit (store, error);
}

gboolean
sp_worklog_set_entry (SpStore               *store,
                      const SpWorklogEntry  *entry,
                      GError               **error)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return sp_worklog_set_entries (store, entry, 1, error);
}

gboolean
sp_worklog_delete (SpStore      *store,
                   gint64        rep_id,
                   const GDate  *day,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sp_store_begin_edit (store, _("Delete work log entry"), error))
    return FALSE;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "DELETE FROM worklog_entry WHERE rep_id = ? AND day = ?", error);
  if (stmt == NULL)
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }

  iso = sp_date_format_iso (day);
  sqlite3_bind_int64 (stmt, 1, rep_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not delete the work log entry"));
      sp_store_rollback_edit (store);
      return FALSE;
    }

  return sp_store_commit_edit (store, error);
}
