/* sp-chart-row.c — one row of a chart's table: its cells as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-view"

#include "config.h"

#include "sp-chart-row.h"

struct _SpChartRow
{
  GObject  parent_instance;
  GStrv    cells;
};

G_DEFINE_FINAL_TYPE (SpChartRow, sp_chart_row, G_TYPE_OBJECT)

static void
sp_chart_row_finalize (GObject *object)
{
  g_strfreev (SP_CHART_ROW (object)->cells);
  G_OBJECT_CLASS (sp_chart_row_parent_class)->finalize (object);
}

static void
sp_chart_row_class_init (SpChartRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_chart_row_finalize;
}

static void
sp_chart_row_init (SpChartRow *self)
{
}

SpChartRow *
sp_chart_row_new (GStrv cells)
{
  SpChartRow *self = g_object_new (SP_TYPE_CHART_ROW, NULL);

  self->cells = cells != NULL ? cells : g_new0 (char *, 1);
  return self;
}

const char * const *
sp_chart_row_get_cells (SpChartRow *self)
{
  g_return_val_if_fail (SP_IS_CHART_ROW (self), NULL);
  return (const char * const *) self->cells;
}

const char *
sp_chart_row_get_cell (SpChartRow *self,
                       guint       column)
{
  g_return_val_if_fail (SP_IS_CHART_ROW (self), "");
  return column < g_strv_length (self->cells) ? self->cells[column] : "";
}
