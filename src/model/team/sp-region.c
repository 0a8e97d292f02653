/* sp-region.c — a sales region (区域) and the list of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-region"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-region.h"
#include "sp-store-private.h"
#include "sp-team-private.h"

struct _SpRegion
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  guint    rep_count;
};

G_DEFINE_FINAL_TYPE (SpRegion, sp_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_region_finalize (GObject *object)
{
  SpRegion *self = (SpRegion *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (sp_region_parent_class)->finalize (object);
}

static void
sp_region_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpRegion *self = SP_REGION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REP_COUNT:
      g_value_set_uint (value, self->rep_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_region_class_init (SpRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_region_finalize;
  object_class->get_property = sp_region_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REP_COUNT] =
    g_param_spec_uint ("rep-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_region_init (SpRegion *self)
{
}

gint64
sp_region_get_id (SpRegion *self)
{
  g_return_val_if_fail (SP_IS_REGION (self), 0);

  return self->id;
}

const char *
sp_region_get_name (SpRegion *self)
{
  g_return_val_if_fail (SP_IS_REGION (self), NULL);

  return self->name;
}

guint
sp_region_get_rep_count (SpRegion *self)
{
  g_return_val_if_fail (SP_IS_REGION (self), 0);

  return self->rep_count;
}

GListModel *
sp_region_list (SpStore  *store,
                GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_REGION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT region.id, region.name,"
                         "       (SELECT count(*) FROM rep WHERE rep.region_id = region.id"
                         "                                  AND rep.left_on IS NULL)"
                         "  FROM region ORDER BY region.position, region.name",
                         error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpRegion) region = g_object_new (SP_TYPE_REGION, NULL);

      region->id = sqlite3_column_int64 (stmt, 0);
      region->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      region->rep_count = (guint) sqlite3_column_int (stmt, 2);
      g_list_store_append (list, region);
    }

  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not list the regions"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
sp_region_add (SpStore     *store,
               const char  *name,
               GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("A region needs a name"));
      return 0;
    }

  db = sp_store_get_db (store);
  if (!sp_store_begin_edit (store, _("Add region"), error))
    return 0;

  stmt = sp_sql_prepare (db, "INSERT INTO region (name, position) "
                             "VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM region))",
                         error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                     _("There is already a region named “%s”"), trimmed);
      else
        sp_store_set_sql_error (store, error, _("Could not add the region"));
      goto fail;
    }

  id = sqlite3_last_insert_rowid (db);
  if (!sp_store_commit_edit (store, error))
    return 0;

  return id;

fail:
  sp_store_rollback_edit (store);
  return 0;
}

gint64
sp_region_find_by_name (SpStore     *store,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), 0);

  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  stmt = sp_sql_prepare (sp_store_get_db (store), "SELECT id FROM region WHERE name = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 _("There is no region named “%s”"), trimmed);
  else
    sp_store_set_sql_error (store, error, _("Could not read the region"));
  return 0;
}

gboolean
sp_region_rename (SpStore     *store,
                  gint64       region_id,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  db = sp_store_get_db (store);
  trimmed = sp_team_trim_name (name, _("A region needs a name"), error);
  if (trimmed == NULL || (old = sp_team_region_name (db, region_id, error)) == NULL)
    return FALSE;
  if (g_str_equal (old, trimmed))
    return TRUE;
  stmt = sp_sql_prepare (db, "SELECT 1 FROM region WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("There is already a region named “%s”"), trimmed);
      return FALSE;
    }

  if (!sp_store_begin_edit (store, _("Rename region"), error))
    return FALSE;
  if (!sp_sql_run (db, NULL, _("Could not rename the region"), NULL, error,
                   "UPDATE region SET name = ? WHERE id = ?", "ti", trimmed, region_id))
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }
  return sp_store_commit_edit (store, error);
}

gboolean
sp_region_remove (SpStore  *store,
                  gint64    region_id,
                  GError  **error)
{
  g_autofree char *name = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  db = sp_store_get_db (store);
  if ((name = sp_team_region_name (db, region_id, error)) == NULL)
    return FALSE;
  stmt = sp_sql_prepare (db,
                         "SELECT EXISTS (SELECT 1 FROM rep WHERE region_id = ?1)"
                         "    OR EXISTS (SELECT 1 FROM rep_region WHERE region_id = ?1),"
                         "       EXISTS (SELECT 1 FROM history_order WHERE region_id = ?1)"
                         "    OR EXISTS (SELECT 1 FROM customer WHERE region_id = ?1)"
                         "    OR EXISTS (SELECT 1 FROM breakdown_cell"
                         "                WHERE dimension = 'region' AND member_id = ?1)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, region_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_store_set_sql_error (store, error, _("Could not read the region"));
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("Region “%s” still has reps, or had some; move them to another region "
                     "or merge them first"), name);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 1) != 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("Region “%s” is used by history orders, customers or plan figures and "
                     "cannot be removed"), name);
      return FALSE;
    }

  if (!sp_store_begin_edit (store, _("Remove region"), error))
    return FALSE;
  if (!sp_sql_run (db, NULL, _("Could not remove the region"), NULL, error,
                   "DELETE FROM region WHERE id = ?", "i", region_id))
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }
  return sp_store_commit_edit (store, error);
}
