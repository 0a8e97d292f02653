/* sp-headcount.c — a region's headcount on a day and per month, with hires, leavers and moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-region"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-region.h"
#include "sp-team-private.h"

struct _SpHeadcount
{
  GObject  parent_instance;
  gint64   region_id;
  char    *region_name;
  char    *month;
  guint    count;
};

G_DEFINE_FINAL_TYPE (SpHeadcount, sp_headcount, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGION_ID,
  PROP_REGION_NAME,
  PROP_MONTH,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_headcount_finalize (GObject *object)
{
  SpHeadcount *self = (SpHeadcount *)object;

  g_clear_pointer (&self->region_name, g_free);
  g_clear_pointer (&self->month, g_free);

  G_OBJECT_CLASS (sp_headcount_parent_class)->finalize (object);
}

static void
sp_headcount_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpHeadcount *self = SP_HEADCOUNT (object);

  switch (prop_id)
    {
    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;
    case PROP_REGION_NAME:
      g_value_set_string (value, self->region_name);
      break;
    case PROP_MONTH:
      g_value_set_string (value, self->month);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_headcount_class_init (SpHeadcountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_headcount_finalize;
  object_class->get_property = sp_headcount_get_property;

  properties[PROP_REGION_ID] =
    g_param_spec_int64 ("region-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION_NAME] =
    g_param_spec_string ("region-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONTH] =
    g_param_spec_string ("month", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_headcount_init (SpHeadcount *self)
{
}

gint64
sp_headcount_get_region_id (SpHeadcount *self)
{
  g_return_val_if_fail (SP_IS_HEADCOUNT (self), 0);
  return self->region_id;
}

const char *
sp_headcount_get_region_name (SpHeadcount *self)
{
  g_return_val_if_fail (SP_IS_HEADCOUNT (self), NULL);
  return self->region_name;
}

const char *
sp_headcount_get_month (SpHeadcount *self)
{
  g_return_val_if_fail (SP_IS_HEADCOUNT (self), NULL);
  return self->month;
}

guint
sp_headcount_get_count (SpHeadcount *self)
{
  g_return_val_if_fail (SP_IS_HEADCOUNT (self), 0);
  return self->count;
}

/* Region of each rep on the team on ?1, counted; ?2 narrows to one region (0: all). */
static const char headcount_sql[] =
  "SELECT region_id, count (*) FROM ("
  "  SELECT coalesce ((SELECT rr.region_id FROM rep_region rr"
  "                     WHERE rr.rep_id = rep.id AND rr.from_day <= ?1"
  "                     ORDER BY rr.from_day DESC LIMIT 1),"
  "                   rep.region_id) AS region_id"
  "    FROM rep"
  "   WHERE (rep.hired_on IS NULL OR rep.hired_on <= ?1)"
  "     AND (rep.left_on IS NULL OR rep.left_on >= ?1))"
  " WHERE ?2 = 0 OR region_id = ?2"
  " GROUP BY region_id";

gint64
sp_region_headcount_on (SpStore     *store,
                        gint64       region_id,
                        const char  *day,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), -1);
  g_return_val_if_fail (region_id > 0, -1);

  if (!sp_team_check_day (day, error))
    return -1;
  stmt = sp_sql_prepare (sp_store_get_db (store), headcount_sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, region_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count += sqlite3_column_int64 (stmt, 1);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not count the reps"));
      return -1;
    }
  return count;
}

GListModel *
sp_region_list_headcount (SpStore     *store,
                          const char  *first_day,
                          guint        n_months,
                          GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_HEADCOUNT);
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  GDate month;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_date_clear (&month, 1);
  if (first_day == NULL || !sp_date_parse_iso (first_day, &month))
    {
      sp_team_check_day (first_day, error);
      return NULL;
    }
  regions = sp_region_list (store, error);
  if (regions == NULL)
    return NULL;
  stmt = sp_sql_prepare (sp_store_get_db (store), headcount_sql, error);
  if (stmt == NULL)
    return NULL;

  g_date_set_day (&month, 1);
  for (guint m = 0; m < n_months; m++, g_date_add_months (&month, 1))
    {
      GHashTable *by_region = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      GDate last = month;
      g_autofree char *last_iso = NULL;

      g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (&month),
                                                       g_date_get_year (&month)));
      last_iso = sp_date_format_iso (&last);
      g_ptr_array_add (months, sp_date_format_iso (&month));
      g_ptr_array_add (counts, by_region);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, last_iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, 0);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (by_region, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                                   sizeof (gint64)),
                             GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
      if (rc != SQLITE_DONE)
        {
          sp_store_set_sql_error (store, error, _("Could not count the reps"));
          return NULL;
        }
    }

  for (guint r = 0; r < g_list_model_get_n_items (regions); r++)
    {
      g_autoptr(SpRegion) region = g_list_model_get_item (regions, r);
      gint64 id = sp_region_get_id (region);

      for (guint m = 0; m < n_months; m++)
        {
          g_autoptr(SpHeadcount) item = g_object_new (SP_TYPE_HEADCOUNT, NULL);

          item->region_id = id;
          item->region_name = g_strdup (sp_region_get_name (region));
          item->month = g_strdup (g_ptr_array_index (months, m));
          item->count = GPOINTER_TO_UINT (g_hash_table_lookup (g_ptr_array_index (counts, m), &id));
          g_list_store_append (list, item);
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}
