/* sp-meeting-action.c — action items: read, carried over until done, overdue, and edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-calendar.h"
#include "sp-meeting-private.h"

static const char * const phase_keys[SP_ACTION_N_PHASES] = {
  "plan", "do", "check", "act", "done",
};

const char *
sp_action_phase_to_string (SpActionPhase phase)
{
  g_return_val_if_fail (phase < SP_ACTION_N_PHASES, NULL);
  return phase_keys[phase];
}

gboolean
sp_action_phase_from_string (const char    *text,
                             SpActionPhase *phase)
{
  g_return_val_if_fail (phase != NULL, FALSE);

  for (guint i = 0; text != NULL && i < SP_ACTION_N_PHASES; i++)
    if (g_str_equal (text, phase_keys[i]))
      {
        *phase = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_action_phase_get_name (SpActionPhase phase)
{
  switch (phase)
    {
    case SP_ACTION_PHASE_PLAN:
      return C_("PDCA", "Plan");
    case SP_ACTION_PHASE_DO:
      return C_("PDCA", "Do");
    case SP_ACTION_PHASE_CHECK:
      return C_("PDCA", "Check");
    case SP_ACTION_PHASE_ACT:
      return C_("PDCA", "Act");
    case SP_ACTION_PHASE_DONE:
      return C_("PDCA", "Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

struct _SpActionItem
{
  GObject       parent_instance;
  gint64        id;
  gint64        meeting_id;
  char         *meeting_day;
  gint64        rep_id;
  char         *rep_name;
  char         *text;
  char         *due_on;
  SpActionPhase phase;
};

G_DEFINE_FINAL_TYPE (SpActionItem, sp_action_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEETING_ID,
  PROP_MEETING_DAY,
  PROP_REP_ID,
  PROP_REP_NAME,
  PROP_TEXT,
  PROP_DUE_ON,
  PROP_PHASE,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_action_item_finalize (GObject *object)
{
  SpActionItem *self = (SpActionItem *) object;

  g_clear_pointer (&self->meeting_day, g_free);
  g_clear_pointer (&self->rep_name, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->due_on, g_free);

  G_OBJECT_CLASS (sp_action_item_parent_class)->finalize (object);
}

static void
sp_action_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpActionItem *self = SP_ACTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case PROP_MEETING_DAY:
      g_value_set_string (value, self->meeting_day);
      break;
    case PROP_REP_ID:
      g_value_set_int64 (value, self->rep_id);
      break;
    case PROP_REP_NAME:
      g_value_set_string (value, self->rep_name);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;
    case PROP_PHASE:
      g_value_set_uint (value, self->phase);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->phase == SP_ACTION_PHASE_DONE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_action_item_class_init (SpActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_action_item_finalize;
  object_class->get_property = sp_action_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MEETING_ID] = g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    flags);
  properties[PROP_MEETING_DAY] = g_param_spec_string ("meeting-day", NULL, NULL, NULL, flags);
  properties[PROP_REP_ID] = g_param_spec_int64 ("rep-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REP_NAME] = g_param_spec_string ("rep-name", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, flags);
  properties[PROP_PHASE] = g_param_spec_uint ("phase", NULL, NULL, 0, SP_ACTION_N_PHASES - 1, 0,
                                              flags);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_action_item_init (SpActionItem *self)
{
}

gint64 sp_action_item_get_id (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), 0); return self->id; }
gint64 sp_action_item_get_meeting_id (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), 0); return self->meeting_id; }
const char *sp_action_item_get_meeting_day (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), NULL); return self->meeting_day; }
gint64 sp_action_item_get_rep_id (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), 0); return self->rep_id; }
const char *sp_action_item_get_rep_name (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), NULL); return self->rep_name; }
const char *sp_action_item_get_text (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), NULL); return self->text; }
const char *sp_action_item_get_due_on (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), NULL); return self->due_on; }
SpActionPhase sp_action_item_get_phase (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), 0); return self->phase; }
gboolean sp_action_item_get_done (SpActionItem *self) { g_return_val_if_fail (SP_IS_ACTION_ITEM (self), FALSE); return self->phase == SP_ACTION_PHASE_DONE; }

gboolean
sp_action_item_is_overdue (SpActionItem *self,
                           const GDate  *today)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (SP_IS_ACTION_ITEM (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->phase == SP_ACTION_PHASE_DONE || self->due_on == NULL)
    return FALSE;
  iso = sp_date_format_iso (today);
  return strcmp (self->due_on, iso) < 0;
}

/* ?1.. are bound by the callers; the columns are read by item_from_row(). */
static const char select_items[] =
  "SELECT a.id, a.meeting_id, substr(m.scheduled_at, 1, 10), coalesce(a.rep_id, 0), r.name,"
  " a.text, a.due_on, a.phase FROM action_item a JOIN meeting m ON m.id = a.meeting_id"
  " LEFT JOIN rep r ON r.id = a.rep_id ";

static SpActionItem *
item_from_row (sqlite3_stmt *stmt)
{
  SpActionItem *self = g_object_new (SP_TYPE_ACTION_ITEM, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->meeting_id = sqlite3_column_int64 (stmt, 1);
  self->meeting_day = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  self->rep_id = sqlite3_column_int64 (stmt, 3);
  self->rep_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  self->text = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  self->due_on = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  if (!sp_action_phase_from_string ((const char *) sqlite3_column_text (stmt, 7), &self->phase))
    self->phase = SP_ACTION_PHASE_PLAN;
  return self;
}

/* @where is one of ours; @id binds ?1 when non-zero, @iso ?2 when non-NULL. */
static GListModel *
list_items (SpStore     *store,
            const char  *where,
            gint64       id,
            const char  *iso,
            GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_ACTION_ITEM);
  g_autofree char *sql = g_strconcat (select_items, where, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  if (iso != NULL)
    sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpActionItem) item = item_from_row (stmt);
      g_list_store_append (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the action items"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GListModel *
sp_action_item_list_for_meeting (SpStore  *store,
                                 gint64    meeting_id,
                                 GError  **error)
{
  return list_items (store, "WHERE a.meeting_id = ?1 ORDER BY a.id", meeting_id, NULL, error);
}

GListModel *
sp_action_item_list_carried (SpStore  *store,
                             gint64    meeting_id,
                             GError  **error)
{
  if (!sp_meeting_row_exists (store, "meeting", meeting_id, error))
    return NULL;
  return list_items (store,
                     "JOIN meeting this ON this.id = ?1"
                     " WHERE a.phase <> 'done'"
                     " AND (m.scheduled_at < this.scheduled_at"
                     "      OR (m.scheduled_at = this.scheduled_at AND m.id < this.id))"
                     " ORDER BY a.due_on IS NULL, a.due_on, a.id",
                     meeting_id, NULL, error);
}

GListModel *
sp_action_item_list_open (SpStore      *store,
                          const GDate  *due_by,
                          GError      **error)
{
  g_autofree char *iso = due_by != NULL ? sp_date_format_iso (due_by) : NULL;

  return list_items (store,
                     iso != NULL
                     ? "WHERE a.phase <> 'done' AND a.due_on <= ?2"
                       " ORDER BY a.due_on IS NULL, a.due_on, a.id"
                     : "WHERE a.phase <> 'done' ORDER BY a.due_on IS NULL, a.due_on, a.id",
                     0, iso, error);
}

GListModel *
sp_action_item_list_overdue (SpStore      *store,
                             const GDate  *today,
                             GError      **error)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (today != NULL, NULL);

  iso = sp_date_format_iso (today);
  return list_items (store,
                     "WHERE a.phase <> 'done' AND a.due_on < ?2 ORDER BY a.due_on, a.id",
                     0, iso, error);
}

static char *
check_item_text (const char  *text,
                 GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    trimmed = g_strstrip (g_strdup (text));
  if (trimmed == NULL || *trimmed == '\0')
    {
      g_set_error_literal (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID,
                           _("An action item needs a text"));
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

gint64
sp_action_item_add (SpStore        *store,
                    gint64          meeting_id,
                    gint64          rep_id,
                    const char     *text,
                    const GDate    *due_on,
                    SpActionPhase   phase,
                    GError        **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *due = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail (phase < SP_ACTION_N_PHASES, 0);

  trimmed = check_item_text (text, error);
  if (trimmed == NULL
      || !sp_meeting_row_exists (store, "meeting", meeting_id, error)
      || (rep_id != 0 && !sp_meeting_row_exists (store, "rep", rep_id, error)))
    return 0;
  if (due_on != NULL)
    due = sp_date_format_iso (due_on);

  if (!sp_store_begin_edit (store, _("Add action item"), error))
    return 0;
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "INSERT INTO action_item (meeting_id, rep_id, text, due_on, phase)"
                         " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (rep_id != 0)
    sqlite3_bind_int64 (stmt, 2, rep_id);
  sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_STATIC);
  if (due != NULL)
    sqlite3_bind_text (stmt, 4, due, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, phase_keys[phase], -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not add the action item"));
      goto fail;
    }
  id = sqlite3_last_insert_rowid (sp_store_get_db (store));
  if (!sp_store_commit_edit (store, error))
    return 0;
  return id;

fail:
  sp_store_rollback_edit (store);
  return 0;
}

/* One UPDATE/DELETE of item ?1 with ?2 = @text (or @value, or NULL) as one edit. */
static gboolean
edit_item (SpStore     *store,
           gint64       id,
           const char  *label,
           const char  *sql,
           const char  *text,
           gint64       value,
           GError     **error)
{
  return sp_meeting_edit_row (store, "action_item", id, label,
                              _("Could not change the action item"), sql, text, value, error);
}

gboolean
sp_action_item_set_phase (SpStore        *store,
                          gint64          id,
                          SpActionPhase   phase,
                          GError        **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (phase < SP_ACTION_N_PHASES, FALSE);

  return edit_item (store, id, _("Edit action item"),
                    "UPDATE action_item SET phase = ?2 WHERE id = ?1 AND phase IS NOT ?2",
                    phase_keys[phase], 0, error);
}

gboolean
sp_action_item_set_text (SpStore     *store,
                         gint64       id,
                         const char  *text,
                         GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  trimmed = check_item_text (text, error);
  if (trimmed == NULL)
    return FALSE;
  return edit_item (store, id, _("Edit action item"),
                    "UPDATE action_item SET text = ?2 WHERE id = ?1 AND text IS NOT ?2",
                    trimmed, 0, error);
}

gboolean
sp_action_item_set_due_on (SpStore      *store,
                           gint64        id,
                           const GDate  *due_on,
                           GError      **error)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (due_on != NULL)
    iso = sp_date_format_iso (due_on);
  return edit_item (store, id, _("Edit action item"),
                    "UPDATE action_item SET due_on = ?2 WHERE id = ?1 AND due_on IS NOT ?2",
                    iso, 0, error);
}

gboolean
sp_action_item_set_rep (SpStore   *store,
                        gint64     id,
                        gint64     rep_id,
                        GError   **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (rep_id != 0 && !sp_meeting_row_exists (store, "rep", rep_id, error))
    return FALSE;
  return edit_item (store, id, _("Edit action item"),
                    "UPDATE action_item SET rep_id = ?2 WHERE id = ?1 AND rep_id IS NOT ?2",
                    NULL, rep_id, error);
}

gboolean
sp_action_item_delete (SpStore  *store,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  return edit_item (store, id, _("Delete action item"),
                    "DELETE FROM action_item WHERE id = ?1", NULL, 0, error);
}
