/* sp-rep-move.c — one entry of a rep's region history (rep_region) and the list of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-rep"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-rep.h"
#include "sp-team-private.h"

struct _SpRepMove
{
  GObject  parent_instance;
  gint64   region_id;
  char    *region_name;
  char    *from_day;
};

G_DEFINE_FINAL_TYPE (SpRepMove, sp_rep_move, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGION_ID,
  PROP_REGION_NAME,
  PROP_FROM_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_rep_move_finalize (GObject *object)
{
  SpRepMove *self = (SpRepMove *)object;

  g_clear_pointer (&self->region_name, g_free);
  g_clear_pointer (&self->from_day, g_free);

  G_OBJECT_CLASS (sp_rep_move_parent_class)->finalize (object);
}

static void
sp_rep_move_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpRepMove *self = SP_REP_MOVE (object);

  switch (prop_id)
    {
    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;
    case PROP_REGION_NAME:
      g_value_set_string (value, self->region_name);
      break;
    case PROP_FROM_DAY:
      g_value_set_string (value, self->from_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_rep_move_class_init (SpRepMoveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_rep_move_finalize;
  object_class->get_property = sp_rep_move_get_property;

  properties[PROP_REGION_ID] =
    g_param_spec_int64 ("region-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION_NAME] =
    g_param_spec_string ("region-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM_DAY] =
    g_param_spec_string ("from-day", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_rep_move_init (SpRepMove *self)
{
}

gint64
sp_rep_move_get_region_id (SpRepMove *self)
{
  g_return_val_if_fail (SP_IS_REP_MOVE (self), 0);
  return self->region_id;
}

const char *
sp_rep_move_get_region_name (SpRepMove *self)
{
  g_return_val_if_fail (SP_IS_REP_MOVE (self), NULL);
  return self->region_name;
}

const char *
sp_rep_move_get_from_day (SpRepMove *self)
{
  g_return_val_if_fail (SP_IS_REP_MOVE (self), NULL);
  return self->from_day;
}

GListModel *
sp_rep_list_moves (SpStore  *store,
                   gint64    rep_id,
                   GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_REP_MOVE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT rr.region_id, region.name, rr.from_day"
                         "  FROM rep_region rr JOIN region ON region.id = rr.region_id"
                         " WHERE rr.rep_id = ? ORDER BY rr.from_day",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rep_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpRepMove) move = g_object_new (SP_TYPE_REP_MOVE, NULL);

      move->region_id = sqlite3_column_int64 (stmt, 0);
      move->region_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      move->from_day = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_list_store_append (list, move);
    }
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not list the rep’s regions"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}
