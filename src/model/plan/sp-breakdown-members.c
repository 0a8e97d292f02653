/* sp-breakdown-members.c — the members a breakdown is split over and the names the grid, the
 * matrix and the export give them, for every dimension
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-breakdown-private.h"

static void
member_clear (gpointer data)
{
  SpBreakdownMember *member = data;

  g_clear_pointer (&member->name, g_free);
}

static GArray *
new_members (void)
{
  GArray *members = g_array_new (FALSE, TRUE, sizeof (SpBreakdownMember));

  g_array_set_clear_func (members, member_clear);
  return members;
}

static void
append_member (GArray               *members,
               SpBreakdownDimension  dimension,
               gint64                id,
               gint64                parent_id,
               const char           *name)
{
  SpBreakdownMember member = { dimension, id, parent_id, g_strdup (name ? name : "") };

  g_array_append_val (members, member);
}

/* Employed on some day of the fiscal year described by @layout. */
static gboolean
employed (const SpBdLayout *layout,
          const SpBdMember *rep)
{
  guint32 first = layout->first_julian;
  guint32 last = layout->first_julian + layout->n_days - 1;

  return (rep->hired == 0 || rep->hired <= last) && (rep->left == 0 || rep->left >= first);
}

GArray *
sp_breakdown_list_members (SpBreakdown           *self,
                           SpBreakdownDimension   dimension,
                           GError               **error)
{
  SpStore *store;
  sqlite3 *db;
  g_autoptr(GArray) members = new_members ();
  g_autoptr(GArray) listed = NULL;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), NULL);
  g_return_val_if_fail (dimension < SP_BREAKDOWN_N_DIMENSIONS, NULL);

  store = sp_breakdown_get_store (self);
  db = sp_store_get_db (store);

  if (dimension == SP_BREAKDOWN_DIMENSION_TEAM)
    {
      append_member (members, dimension, 0, 0, _("Team"));
      return g_steal_pointer (&members);
    }

  listed = sp_bd_list_members (db, dimension, error);
  if (listed == NULL)
    return NULL;

  if (dimension == SP_BREAKDOWN_DIMENSION_REP)
    {
      g_autoptr(GArray) regions = sp_bd_list_members (db, SP_BREAKDOWN_DIMENSION_REGION, error);
      g_autoptr(SpBdLayout) layout = NULL;

      if (regions == NULL)
        return NULL;
      layout = sp_bd_make_layout (store, sp_breakdown_get_fiscal_year (self));

      /* As the breakdown orders them: by region, each region's by name. */
      for (guint r = 0; r < regions->len; r++)
        {
          gint64 region_id = g_array_index (regions, SpBdMember, r).id;

          for (guint i = 0; i < listed->len; i++)
            {
              const SpBdMember *rep = &g_array_index (listed, SpBdMember, i);

              if (rep->region_id == region_id && (layout == NULL || employed (layout, rep)))
                append_member (members, dimension, rep->id, region_id, rep->name);
            }
        }
      return g_steal_pointer (&members);
    }

  for (guint i = 0; i < listed->len; i++)
    {
      const SpBdMember *member = &g_array_index (listed, SpBdMember, i);

      append_member (members, dimension, member->id, 0, member->name);
    }

  return g_steal_pointer (&members);
}

/* The workspace's name of a member the breakdown does not have (added since). */
static char *
workspace_name (SpBreakdown          *self,
                SpBreakdownDimension  dimension,
                gint64                member_id)
{
  sqlite3 *db = sp_store_get_db (sp_breakdown_get_store (self));
  g_autoptr(GArray) listed = sp_bd_list_members (db, dimension, NULL);

  for (guint i = 0; listed != NULL && i < listed->len; i++)
    {
      const SpBdMember *member = &g_array_index (listed, SpBdMember, i);

      if (member->id == member_id)
        return g_strdup (member->name);
    }

  return NULL;
}

char *
sp_breakdown_dup_member_name (SpBreakdown          *self,
                              SpBreakdownDimension  dimension,
                              gint64                member_id)
{
  SpBdModel *model;
  int s;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), NULL);
  g_return_val_if_fail (dimension < SP_BREAKDOWN_N_DIMENSIONS, NULL);

  if (dimension == SP_BREAKDOWN_DIMENSION_TEAM)
    return member_id == 0 ? g_strdup (_("Team")) : NULL;

  model = sp_breakdown_get_model (self, NULL);
  s = model ? sp_bd_model_find (model, dimension, member_id) : -1;
  if (s >= 0 && sp_bd_series (model, (guint) s)->name != NULL)
    return g_strdup (sp_bd_series (model, (guint) s)->name);

  return workspace_name (self, dimension, member_id);
}

char *
sp_breakdown_dup_member_label (SpBreakdown          *self,
                               SpBreakdownDimension  dimension,
                               gint64                member_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), NULL);

  name = sp_breakdown_dup_member_name (self, dimension, member_id);
  if (name == NULL)
    /* Translators: a member whose name is unknown, by its dimension and number: "Product 3" */
    return g_strdup_printf (_("%s %lld"), sp_breakdown_dimension_get_display_name (dimension),
                            (long long) member_id);

  if (dimension == SP_BREAKDOWN_DIMENSION_REP)
    {
      SpBdModel *model = sp_breakdown_get_model (self, NULL);
      int s = model ? sp_bd_model_find (model, dimension, member_id) : -1;
      g_autofree char *region = NULL;

      if (s >= 0)
        region = sp_breakdown_dup_member_name (self, SP_BREAKDOWN_DIMENSION_REGION,
                                               sp_bd_series (model, (guint) s)->parent_id);
      if (region != NULL)
        /* Translators: a rep and their region in the breakdown, "Li Wei · East" */
        return g_strdup_printf (_("%s · %s"), name, region);
    }

  return g_steal_pointer (&name);
}

guint32
sp_breakdown_get_month_first_day (SpBreakdown *self,
                                  guint        month)
{
  g_autoptr(SpBdLayout) layout = NULL;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), 0);

  if (month >= SP_BD_N_MONTHS)
    return 0;
  layout = sp_bd_make_layout (sp_breakdown_get_store (self), sp_breakdown_get_fiscal_year (self));
  return layout ? layout->first_julian + layout->month_day[month] : 0;
}
