/* sp-breakdown-row.c — one row of the breakdown grid, a UI-side copy of an SpBreakdownCell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown-row"

#include "config.h"

#include "sp-breakdown-row.h"

struct _SpBreakdownRow
{
  GObject         parent_instance;

  SpBreakdownCell cell;
  SpBreakdownCell parent;
  gboolean        has_parent;
  char           *name;
  gint64          parent_amount;
  gboolean        total;
  gboolean        mismatch;
};

G_DEFINE_FINAL_TYPE (SpBreakdownRow, sp_breakdown_row, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sp_breakdown_row_finalize (GObject *object)
{
  SpBreakdownRow *self = SP_BREAKDOWN_ROW (object);

  g_free (self->name);

  G_OBJECT_CLASS (sp_breakdown_row_parent_class)->finalize (object);
}

static void
sp_breakdown_row_class_init (SpBreakdownRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_breakdown_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_breakdown_row_init (SpBreakdownRow *self)
{
}

SpBreakdownRow *
sp_breakdown_row_new (const SpBreakdownCell *cell,
                      const char            *name,
                      gboolean               total)
{
  SpBreakdownRow *self;

  g_return_val_if_fail (cell != NULL, NULL);

  self = g_object_new (SP_TYPE_BREAKDOWN_ROW, NULL);
  self->cell = *cell;
  self->name = g_strdup (name);
  self->total = total;

  return self;
}

const SpBreakdownCell *
sp_breakdown_row_get_cell (SpBreakdownRow *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_ROW (self), NULL);

  return &self->cell;
}

const char *
sp_breakdown_row_get_name (SpBreakdownRow *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_ROW (self), NULL);

  return self->name;
}

gboolean
sp_breakdown_row_is_total (SpBreakdownRow *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_ROW (self), FALSE);

  return self->total;
}

gint64
sp_breakdown_row_get_parent_amount (SpBreakdownRow *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_ROW (self), 0);

  return self->parent_amount;
}

gboolean
sp_breakdown_row_get_mismatch (SpBreakdownRow *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_ROW (self), FALSE);

  return self->mismatch;
}

void
sp_breakdown_row_set_parent (SpBreakdownRow        *self,
                             const SpBreakdownCell *parent)
{
  g_return_if_fail (SP_IS_BREAKDOWN_ROW (self));

  self->has_parent = parent != NULL;
  if (parent != NULL)
    self->parent = *parent;
}

const SpBreakdownCell *
sp_breakdown_row_get_parent (SpBreakdownRow *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_ROW (self), NULL);

  return self->has_parent ? &self->parent : NULL;
}

void
sp_breakdown_row_update (SpBreakdownRow        *self,
                         const SpBreakdownCell *cell,
                         gint64                 parent_amount,
                         gboolean               mismatch)
{
  g_return_if_fail (SP_IS_BREAKDOWN_ROW (self));
  g_return_if_fail (cell != NULL);

  self->cell = *cell;
  self->parent_amount = parent_amount;
  self->mismatch = mismatch;
  g_signal_emit (self, signals[CHANGED], 0);
}
