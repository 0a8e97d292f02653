/* sp-rep.c — a sales rep (销售代表) and the list of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-rep"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-rep.h"
#include "sp-rep-private.h"
#include "sp-team-private.h"
#include "sp-calendar.h"

struct _SpRep
{
  GObject  parent_instance;
  gint64   id;
  gint64   region_id;
  char    *name;
  char    *region_name;
  char    *hired_on;
  char    *left_on;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (SpRep, sp_rep, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGION_NAME,
  PROP_HIRED_ON,
  PROP_LEFT_ON,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_rep_finalize (GObject *object)
{
  SpRep *self = (SpRep *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region_name, g_free);
  g_clear_pointer (&self->hired_on, g_free);
  g_clear_pointer (&self->left_on, g_free);

  G_OBJECT_CLASS (sp_rep_parent_class)->finalize (object);
}

static void
sp_rep_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  SpRep *self = SP_REP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REGION_NAME:
      g_value_set_string (value, self->region_name);
      break;
    case PROP_HIRED_ON:
      g_value_set_string (value, self->hired_on);
      break;
    case PROP_LEFT_ON:
      g_value_set_string (value, self->left_on);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_rep_class_init (SpRepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_rep_finalize;
  object_class->get_property = sp_rep_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION_NAME] =
    g_param_spec_string ("region-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIRED_ON] =
    g_param_spec_string ("hired-on", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEFT_ON] =
    g_param_spec_string ("left-on", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_rep_init (SpRep *self)
{
}

gint64
sp_rep_get_id (SpRep *self)
{
  g_return_val_if_fail (SP_IS_REP (self), 0);
  return self->id;
}

const char *
sp_rep_get_name (SpRep *self)
{
  g_return_val_if_fail (SP_IS_REP (self), NULL);
  return self->name;
}

gint64
sp_rep_get_region_id (SpRep *self)
{
  g_return_val_if_fail (SP_IS_REP (self), 0);
  return self->region_id;
}

const char *
sp_rep_get_region_name (SpRep *self)
{
  g_return_val_if_fail (SP_IS_REP (self), NULL);
  return self->region_name;
}

const char *
sp_rep_get_hired_on (SpRep *self)
{
  g_return_val_if_fail (SP_IS_REP (self), NULL);
  return self->hired_on;
}

const char *
sp_rep_get_left_on (SpRep *self)
{
  g_return_val_if_fail (SP_IS_REP (self), NULL);
  return self->left_on;
}

gboolean
sp_rep_get_active (SpRep *self)
{
  g_return_val_if_fail (SP_IS_REP (self), FALSE);
  return self->active;
}

GListModel *
sp_rep_list (SpStore  *store,
             gint64    region_id,
             GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_REP);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT rep.id, rep.name, rep.region_id, region.name, rep.hired_on,"
                         "       rep.left_on IS NULL, rep.left_on"
                         "  FROM rep LEFT JOIN region ON region.id = rep.region_id"
                         " WHERE ?1 = 0 OR rep.region_id = ?1"
                         " ORDER BY region.position, region.name, rep.name",
                         error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, region_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpRep) rep = g_object_new (SP_TYPE_REP, NULL);

      rep->id = sqlite3_column_int64 (stmt, 0);
      rep->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      rep->region_id = sqlite3_column_int64 (stmt, 2);
      rep->region_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      rep->hired_on = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      rep->active = sqlite3_column_int (stmt, 5) != 0;
      rep->left_on = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_list_store_append (list, rep);
    }

  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not list the reps"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
sp_rep_add (SpStore     *store,
            const char  *name,
            gint64       region_id,
            GError     **error)
{
  return sp_rep_hire (store, name, region_id, NULL, error);
}

gint64
sp_rep_hire (SpStore     *store,
             const char  *name,
             gint64       region_id,
             const char  *hired_on,
             GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *region_name = NULL;
  sqlite3 *db;
  gboolean taken = FALSE;
  gint64 id;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  trimmed = sp_team_trim_name (name, _("A rep needs a name"), error);
  if (trimmed == NULL)
    return 0;
  if (hired_on != NULL && !sp_team_check_day (hired_on, error))
    return 0;

  db = sp_store_get_db (store);
  if (region_id > 0 && (region_name = sp_team_region_name (db, region_id, error)) == NULL)
    return 0;
  if (!sp_team_rep_name_taken (db, trimmed, region_id, 0, &taken, error))
    return 0;
  if (taken)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("There is already a rep named “%s” in this region"), trimmed);
      return 0;
    }

  if (!sp_store_begin_edit (store, _("Add rep"), error))
    return 0;
  if (!sp_sql_run (db, NULL, _("Could not add the rep"), &id, error,
                   "INSERT INTO rep (name, region_id, hired_on) VALUES (?, ?, ?)", "tIt",
                   trimmed, region_id, hired_on)
      || (hired_on != NULL && region_id > 0
          && !sp_sql_run (db, NULL, _("Could not add the rep"), NULL, error,
                          "INSERT INTO rep_region (rep_id, region_id, from_day) VALUES (?, ?, ?)",
                          "iit", id, region_id, hired_on)))
    {
      sp_store_rollback_edit (store);
      return 0;
    }
  if (!sp_store_commit_edit (store, error))
    return 0;

  return id;
}

gboolean
sp_rep_lookup (sqlite3     *db,
               const char  *name,
               gint64       region_id,
               gint64      *id_out,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 first = 0, active = 0;
  guint n = 0, n_active = 0;
  int rc;

  g_return_val_if_fail (db != NULL && name != NULL && id_out != NULL, FALSE);

  stmt = sp_sql_prepare (db,
                         "SELECT id, left_on IS NULL FROM rep"
                         " WHERE name = ?1 AND (?2 = 0 OR region_id = ?2) ORDER BY id",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, region_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (n++ == 0)
        first = id;
      if (sqlite3_column_int (stmt, 1) != 0 && n_active++ == 0)
        active = id;
    }
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not look up a rep"));

  if (n <= 1)
    *id_out = first;
  else if (n_active == 1)
    *id_out = active;
  else
    *id_out = SP_REP_AMBIGUOUS;
  return TRUE;
}

gint64
sp_rep_find_by_name (SpStore     *store,
                     const char  *name,
                     gint64       region_id,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (region_id >= 0, 0);

  db = sp_store_get_db (store);
  trimmed = g_strstrip (g_strdup (name));
  if (!sp_rep_lookup (db, trimmed, region_id, &id, error))
    return 0;
  if (id > 0)
    return id;

  if (id == SP_REP_AMBIGUOUS)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_AMBIGUOUS,
                   _("There are several reps named “%s”"), trimmed);
      return 0;
    }
  if (region_id != 0)
    {
      stmt = sp_sql_prepare (db, "SELECT name FROM region WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, region_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                       _("There is no rep named “%s” in region “%s”"), trimmed,
                       (const char *) sqlite3_column_text (stmt, 0));
          return 0;
        }
    }
  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
               _("There is no rep named “%s”"), trimmed);
  return 0;
}
