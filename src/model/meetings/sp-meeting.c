/* sp-meeting.c — a meeting as read from the workspace, the list of them, and their edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-calendar.h"
#include "sp-meeting-private.h"

struct _SpMeeting
{
  GObject               parent_instance;
  gint64                id;
  SpMeetingKind         kind;
  SpMeetingReviewPeriod review_period;
  char                  day[11];
  char                  time[6];
  char                 *title;
  char                 *agenda;
  char                 *minutes;
  gint64                rep_id;
  gint64                opportunity_id;
  gboolean              held;
};

G_DEFINE_FINAL_TYPE (SpMeeting, sp_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_REVIEW_PERIOD,
  PROP_DAY,
  PROP_TIME,
  PROP_TITLE,
  PROP_REP_ID,
  PROP_OPPORTUNITY_ID,
  PROP_HELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_meeting_finalize (GObject *object)
{
  SpMeeting *self = (SpMeeting *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->agenda, g_free);
  g_clear_pointer (&self->minutes, g_free);

  G_OBJECT_CLASS (sp_meeting_parent_class)->finalize (object);
}

static void
sp_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpMeeting *self = SP_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_REVIEW_PERIOD:
      g_value_set_uint (value, self->review_period);
      break;
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_REP_ID:
      g_value_set_int64 (value, self->rep_id);
      break;
    case PROP_OPPORTUNITY_ID:
      g_value_set_int64 (value, self->opportunity_id);
      break;
    case PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_meeting_class_init (SpMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_meeting_finalize;
  object_class->get_property = sp_meeting_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, SP_MEETING_N_KINDS - 1, 0,
                                             flags);
  properties[PROP_REVIEW_PERIOD] = g_param_spec_uint ("review-period", NULL, NULL, 0,
                                                      SP_MEETING_REVIEW_YEAR, 0, flags);
  properties[PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL, flags);
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_REP_ID] = g_param_spec_int64 ("rep-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OPPORTUNITY_ID] = g_param_spec_int64 ("opportunity-id", NULL, NULL, 0,
                                                        G_MAXINT64, 0, flags);
  properties[PROP_HELD] = g_param_spec_boolean ("held", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_meeting_init (SpMeeting *self)
{
}

gint64 sp_meeting_get_id (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), 0); return self->id; }
SpMeetingKind sp_meeting_get_kind (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), 0); return self->kind; }
SpMeetingReviewPeriod sp_meeting_get_review_period (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), 0); return self->review_period; }
const char *sp_meeting_get_day (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), NULL); return self->day; }
const char *sp_meeting_get_time (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), NULL); return self->time; }
const char *sp_meeting_get_title (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), NULL); return self->title; }
const char *sp_meeting_get_agenda (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), NULL); return self->agenda; }
const char *sp_meeting_get_minutes (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), NULL); return self->minutes; }
gint64 sp_meeting_get_rep_id (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), 0); return self->rep_id; }
gint64 sp_meeting_get_opportunity_id (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), 0); return self->opportunity_id; }
gboolean sp_meeting_get_held (SpMeeting *self) { g_return_val_if_fail (SP_IS_MEETING (self), FALSE); return self->held; }

void
sp_meeting_get_date (SpMeeting *self,
                     GDate     *day)
{
  g_return_if_fail (SP_IS_MEETING (self));
  g_return_if_fail (day != NULL);

  if (!sp_date_parse_iso (self->day, day))
    g_date_clear (day, 1);
}

gboolean
sp_meeting_parse_time (const char *text,
                       guint      *hour,
                       guint      *minute)
{
  unsigned h, m;
  int end = 0;

  if (text == NULL || sscanf (text, "%2u:%2u%n", &h, &m, &end) != 2 || text[end] != '\0'
      || !g_ascii_isdigit (text[0]) || h > 23 || m > 59
      || !g_ascii_isdigit (text[end - 1]) || !g_ascii_isdigit (text[end - 2]))
    return FALSE;
  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;
  return TRUE;
}

gboolean
sp_meeting_check_time (const char  *time,
                       char         out[6],
                       GError     **error)
{
  guint h, m;

  if (!sp_meeting_parse_time (time, &h, &m))
    {
      g_set_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID,
                   _("“%s” is not a time; use HH:MM, for example 08:30"), time ? time : "");
      return FALSE;
    }
  g_snprintf (out, 6, "%02u:%02u", h, m);
  return TRUE;
}

gboolean
sp_meeting_row_exists (SpStore     *store,
                       const char  *table,
                       gint64       id,
                       GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  g_autofree char *number = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (g_str_equal (table, "rep"))
    g_set_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_NOT_FOUND, _("No rep with id %s"),
                 number);
  else if (g_str_equal (table, "opportunity"))
    g_set_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_NOT_FOUND,
                 _("No opportunity with id %s"), number);
  else if (g_str_equal (table, "action_item"))
    g_set_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_NOT_FOUND,
                 _("No action item with id %s"), number);
  else if (g_str_equal (table, "meeting_schedule"))
    g_set_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_NOT_FOUND,
                 _("No meeting plan line with id %s"), number);
  else
    g_set_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_NOT_FOUND,
                 _("No meeting with id %s"), number);
  return FALSE;
}

static const char select_meeting[] =
  "SELECT id, kind, review_period, substr(scheduled_at, 1, 10), substr(scheduled_at, 12, 5),"
  " title, agenda, minutes, coalesce(rep_id, 0), coalesce(opportunity_id, 0), held FROM meeting";

static SpMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  SpMeeting *self = g_object_new (SP_TYPE_MEETING, NULL);
  const char *time = (const char *) sqlite3_column_text (stmt, 4);

  self->id = sqlite3_column_int64 (stmt, 0);
  if (!sp_meeting_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &self->kind))
    self->kind = SP_MEETING_MORNING;
  if (!sp_meeting_review_from_string ((const char *) sqlite3_column_text (stmt, 2),
                                      &self->review_period))
    self->review_period = SP_MEETING_REVIEW_NONE;
  g_strlcpy (self->day, (const char *) sqlite3_column_text (stmt, 3), sizeof self->day);
  g_strlcpy (self->time, time != NULL && time[0] != '\0' ? time : "00:00", sizeof self->time);
  self->title = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  self->agenda = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  self->minutes = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  self->rep_id = sqlite3_column_int64 (stmt, 8);
  self->opportunity_id = sqlite3_column_int64 (stmt, 9);
  self->held = sqlite3_column_int (stmt, 10) != 0;
  return self;
}

GListModel *
sp_meeting_list (SpStore      *store,
                 const GDate  *from,
                 const GDate  *to,
                 GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_MEETING);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *from_iso = from != NULL ? sp_date_format_iso (from) : NULL;
  g_autofree char *to_iso = to != NULL ? sp_date_format_iso (to) : NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  sql = g_strconcat (select_meeting,
                     " WHERE (?1 IS NULL OR substr(scheduled_at, 1, 10) >= ?1)"
                     " AND (?2 IS NULL OR substr(scheduled_at, 1, 10) <= ?2)"
                     " ORDER BY scheduled_at, id", NULL);
  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    return NULL;
  if (from_iso != NULL)
    sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_STATIC);
  if (to_iso != NULL)
    sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpMeeting) meeting = meeting_from_row (stmt);
      g_list_store_append (list, meeting);
    }
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the meetings"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

SpMeeting *
sp_meeting_get (SpStore  *store,
                gint64    id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  sql = g_strconcat (select_meeting, " WHERE id = ?", NULL);
  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return meeting_from_row (stmt);

  sp_meeting_row_exists (store, "meeting", id, error);
  return NULL;
}

gint64
sp_meeting_insert (SpStore               *store,
                   SpMeetingKind          kind,
                   SpMeetingReviewPeriod  period,
                   const GDate           *day,
                   const char            *time,
                   const char            *title,
                   GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day_iso = sp_date_format_iso (day);
  g_autofree char *at = g_strdup_printf ("%sT%s:00", day_iso, time);
  g_autofree char *trimmed = title != NULL ? g_strstrip (g_strdup (title)) : NULL;

  if (kind == SP_MEETING_REVIEW && period == SP_MEETING_REVIEW_NONE)
    period = SP_MEETING_REVIEW_QUARTER;
  else if (kind != SP_MEETING_REVIEW)
    period = SP_MEETING_REVIEW_NONE;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "INSERT INTO meeting (kind, review_period, scheduled_at, title)"
                         " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sp_meeting_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sp_meeting_review_to_string (period), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, trimmed != NULL && *trimmed != '\0'
                     ? trimmed : sp_meeting_kind_get_name (kind, period), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not add the meeting"));
      return 0;
    }

  return sqlite3_last_insert_rowid (sp_store_get_db (store));
}

gint64
sp_meeting_add (SpStore               *store,
                SpMeetingKind          kind,
                SpMeetingReviewPeriod  period,
                const GDate           *day,
                const char            *time,
                const char            *title,
                GError               **error)
{
  char hhmm[6];
  gint64 id;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail (kind < SP_MEETING_N_KINDS, 0);
  g_return_val_if_fail (day != NULL && g_date_valid (day), 0);

  if (!sp_meeting_check_time (time, hhmm, error)
      || !sp_store_begin_edit (store, _("Add meeting"), error))
    return 0;

  id = sp_meeting_insert (store, kind, period, day, hhmm, title, error);
  if (id == 0)
    {
      sp_store_rollback_edit (store);
      return 0;
    }
  if (!sp_store_commit_edit (store, error))
    return 0;
  return id;
}

gboolean
sp_meeting_edit_row (SpStore     *store,
                     const char  *table,
                     gint64       id,
                     const char  *label,
                     const char  *failure,
                     const char  *sql,
                     const char  *text,
                     gint64       value,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_meeting_row_exists (store, table, id, error)
      || !sp_store_begin_edit (store, label, error))
    return FALSE;

  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  else if (value != 0)
    sqlite3_bind_int64 (stmt, 2, value);
  else
    sqlite3_bind_null (stmt, 2);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, failure);
      goto fail;
    }
  return sp_store_commit_edit (store, error);

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}

static gboolean
edit_meeting (SpStore     *store,
              gint64       id,
              const char  *label,
              const char  *sql,
              const char  *text,
              gint64       value,
              GError     **error)
{
  return sp_meeting_edit_row (store, "meeting", id, label, _("Could not change the meeting"),
                              sql, text, value, error);
}

gboolean
sp_meeting_delete (SpStore  *store,
                   gint64    id,
                   GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  return edit_meeting (store, id, _("Delete meeting"), "DELETE FROM meeting WHERE id = ?1",
                       NULL, 0, error);
}

gboolean
sp_meeting_reschedule (SpStore      *store,
                       gint64        id,
                       const GDate  *day,
                       const char   *time,
                       GError      **error)
{
  g_autofree char *day_iso = NULL;
  g_autofree char *at = NULL;
  char hhmm[6];

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  if (!sp_meeting_check_time (time, hhmm, error))
    return FALSE;
  day_iso = sp_date_format_iso (day);
  at = g_strdup_printf ("%sT%s:00", day_iso, hhmm);
  return edit_meeting (store, id, _("Move meeting"),
                       "UPDATE meeting SET scheduled_at = ?2 WHERE id = ?1 AND scheduled_at IS NOT ?2",
                       at, 0, error);
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID,
                           _("The text is not valid UTF-8"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_meeting_set_title (SpStore     *store,
                      gint64       id,
                      const char  *title,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!check_text (title, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (title));
  return edit_meeting (store, id, _("Edit meeting"),
                       "UPDATE meeting SET title = ?2 WHERE id = ?1 AND title IS NOT ?2",
                       trimmed, 0, error);
}

gboolean
sp_meeting_set_minutes (SpStore     *store,
                        gint64       id,
                        const char  *minutes,
                        GError     **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!check_text (minutes, error))
    return FALSE;
  return edit_meeting (store, id, _("Edit meeting"),
                       "UPDATE meeting SET minutes = ?2 WHERE id = ?1 AND minutes IS NOT ?2",
                       minutes, 0, error);
}

gboolean
sp_meeting_set_held (SpStore   *store,
                     gint64     id,
                     gboolean   held,
                     GError   **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  return edit_meeting (store, id, _("Edit meeting"),
                       held ? "UPDATE meeting SET held = 1 WHERE id = ?1 AND held = 0"
                            : "UPDATE meeting SET held = 0 WHERE id = ?1 AND held = 1",
                       NULL, 0, error);
}

gboolean
sp_meeting_set_rep (SpStore   *store,
                    gint64     id,
                    gint64     rep_id,
                    GError   **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (rep_id != 0 && !sp_meeting_row_exists (store, "rep", rep_id, error))
    return FALSE;
  return edit_meeting (store, id, _("Edit meeting"),
                       "UPDATE meeting SET rep_id = ?2 WHERE id = ?1 AND rep_id IS NOT ?2",
                       NULL, rep_id, error);
}

gboolean
sp_meeting_set_opportunity (SpStore   *store,
                            gint64     id,
                            gint64     opportunity_id,
                            GError   **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (opportunity_id != 0
      && !sp_meeting_row_exists (store, "opportunity", opportunity_id, error))
    return FALSE;
  return edit_meeting (store, id, _("Edit meeting"),
                       "UPDATE meeting SET opportunity_id = ?2 WHERE id = ?1"
                       " AND opportunity_id IS NOT ?2",
                       NULL, opportunity_id, error);
}

char *
sp_meeting_dup_note (SpStore     *store,
                     gint64       id,
                     const char  *section,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT text FROM meeting_note WHERE meeting_id = ? AND section = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, section, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return g_strdup ("");
}

gboolean
sp_meeting_set_note (SpStore     *store,
                     gint64       id,
                     const char  *section,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *current = NULL;
  g_autofree char *trimmed = NULL;
  gboolean empty;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (section != NULL && *section != '\0', FALSE);

  if (!check_text (text, error)
      || !sp_meeting_row_exists (store, "meeting", id, error))
    return FALSE;
  trimmed = g_strchomp (g_strdup (text));
  current = sp_meeting_dup_note (store, id, section, error);
  if (current == NULL)
    return FALSE;
  if (g_str_equal (current, trimmed))
    return TRUE;

  empty = *trimmed == '\0';
  if (!sp_store_begin_edit (store, _("Edit meeting"), error))
    return FALSE;
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         empty ? "DELETE FROM meeting_note WHERE meeting_id = ?1 AND section = ?2"
                               : "INSERT INTO meeting_note (meeting_id, section, text)"
                                 " VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET text = ?3",
                         error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, section, -1, SQLITE_STATIC);
  if (!empty)
    sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not save the note"));
      goto fail;
    }
  return sp_store_commit_edit (store, error);

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}

GArray *
sp_meeting_list_attendees (SpStore  *store,
                           gint64    id,
                           GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT rep_id FROM meeting_attendee WHERE meeting_id = ? ORDER BY rep_id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rep_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, rep_id);
    }
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the attendees"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
sp_meeting_set_attendees (SpStore       *store,
                          gint64         id,
                          const gint64  *rep_ids,
                          guint          n_reps,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_reps == 0 || rep_ids != NULL, FALSE);

  if (!sp_meeting_row_exists (store, "meeting", id, error))
    return FALSE;
  for (guint i = 0; i < n_reps; i++)
    if (!sp_meeting_row_exists (store, "rep", rep_ids[i], error))
      return FALSE;

  db = sp_store_get_db (store);
  if (!sp_store_begin_edit (store, _("Edit attendees"), error))
    return FALSE;
  {
    g_autoptr(sqlite3_stmt) del = sp_sql_prepare (db, "DELETE FROM meeting_attendee"
                                                      " WHERE meeting_id = ?", error);
    if (del == NULL)
      goto fail;
    sqlite3_bind_int64 (del, 1, id);
    if (sqlite3_step (del) != SQLITE_DONE)
      goto sql_fail;
  }
  insert = sp_sql_prepare (db, "INSERT OR IGNORE INTO meeting_attendee (meeting_id, rep_id)"
                               " VALUES (?, ?)", error);
  if (insert == NULL)
    goto fail;
  for (guint i = 0; i < n_reps; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int64 (insert, 2, rep_ids[i]);
      if (sqlite3_step (insert) != SQLITE_DONE)
        goto sql_fail;
    }
  return sp_store_commit_edit (store, error);

sql_fail:
  sp_store_set_sql_error (store, error, _("Could not save the attendees"));
fail:
  sp_store_rollback_edit (store);
  return FALSE;
}
