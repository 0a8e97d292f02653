/* sp-chart-row.h — one row of a chart's table ("Show as Table"): its cells as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of a chart's table: its cells as text. */
#define SP_TYPE_CHART_ROW (sp_chart_row_get_type ())
G_DECLARE_FINAL_TYPE (SpChartRow, sp_chart_row, SP, CHART_ROW, GObject)

SpChartRow         *sp_chart_row_new       (GStrv       cells);   /* takes @cells */
const char * const *sp_chart_row_get_cells (SpChartRow *self);
/* The cell @column, "" past the row's end. */
const char         *sp_chart_row_get_cell  (SpChartRow *self,
                                            guint       column);

G_END_DECLS
