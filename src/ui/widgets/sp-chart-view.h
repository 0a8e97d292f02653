/* sp-chart-view.h — one thin widget for every chart: the chart's own draw function on screen,
 * tooltips from its hit test, its data as a table, export to PNG/SVG/PDF and printing
 *
 * A chart type plugs in with an SpChartAdapter: a table of functions over its (opaque) data.
 * The widget owns the data, lays it out through adapter->layout with the palette of the
 * moment (light or dark, high contrast, or the projector in presentation mode), keeps that
 * layout for painting and pointer hit tests, and shows the data as a table of SpChartRow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-chart-row.h"
#include "sp-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;   /* untranslated, for file names: "funnel" */
  /* Lays the whole chart out, background included, in (0, 0, @width, @height). The view
   * keeps the layout (until a resize, a palette change or new data): it paints it and hit
   * tests against it. */
  gpointer (*layout)      (gconstpointer       data,
                           const SpChartStyle *style,
                           double              width,
                           double              height);
  void   (*paint)        (gconstpointer       layout,
                          cairo_t            *cr,
                          const SpChartStyle *style);
  /* The item under (@x, @y) of the laid-out chart, or -1. */
  int    (*hit_test)     (gconstpointer       layout,
                          double              x,
                          double              y);
  void   (*layout_free)  (gpointer            layout);
  /* Exact figures of @item for its tooltip, or of the whole chart for @item -1 (may return
   * NULL: no tooltip). */
  char  *(*item_text)    (gconstpointer       data,
                          int                 item);
  /* A sentence or two for screen readers: what the chart shows, with its figures. */
  char  *(*summary)      (gconstpointer       data);
  /* The data as a table. */
  guint  (*n_columns)    (gconstpointer       data);
  char  *(*column_title) (gconstpointer       data,
                          guint               column);
  guint  (*n_rows)       (gconstpointer       data);
  char  *(*cell_text)    (gconstpointer       data,
                          guint               row,
                          guint               column);
} SpChartAdapter;

typedef enum
{
  SP_CHART_EXPORT_PNG,
  SP_CHART_EXPORT_SVG,
  SP_CHART_EXPORT_PDF,
} SpChartExportFormat;

#define SP_TYPE_CHART_VIEW (sp_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SpChartView, sp_chart_view, SP, CHART_VIEW, GtkWidget)

GtkWidget      *sp_chart_view_new              (void);
/* Takes @data (freed with @destroy); @adapter is static. NULL @adapter shows nothing. */
void            sp_chart_view_set_chart        (SpChartView          *self,
                                                const SpChartAdapter *adapter,
                                                gpointer              data,
                                                GDestroyNotify        destroy);
gconstpointer   sp_chart_view_get_data         (SpChartView          *self);
/* The accessible name, the table's title and the exported file's suggested name. */
void            sp_chart_view_set_title        (SpChartView          *self,
                                                const char           *title);
const char     *sp_chart_view_get_title        (SpChartView          *self);
/* The menu (table, export, print) in the corner; shown by default. */
void            sp_chart_view_set_menu_visible (SpChartView          *self,
                                                gboolean              visible);
/* The width the chart asks for when there is room (320 by default). */
void            sp_chart_view_set_natural_width (SpChartView         *self,
                                                 int                  width);
/* The palette the chart is drawn with now. */
SpChartPaletteKind sp_chart_view_get_palette   (SpChartView          *self);
/* The item of the chart under (@x, @y) of the widget, or -1. A click on an item emits
 * "item-activated" (int item). */
int             sp_chart_view_hit_test         (SpChartView          *self,
                                                double                x,
                                                double                y);
/* The tooltip text at (@x, @y) of the widget as it is now, or NULL. */
char           *sp_chart_view_get_tooltip_at   (SpChartView          *self,
                                                double                x,
                                                double                y);
/* The accessible description (the adapter's summary). */
char           *sp_chart_view_dup_summary      (SpChartView          *self);
/* Writes the chart at @width x @height (pixels, or points for PDF) in the light palette. */
gboolean        sp_chart_view_export           (SpChartView          *self,
                                                const char           *path,
                                                SpChartExportFormat   format,
                                                double                width,
                                                double                height,
                                                GError              **error);
/* Prints the chart as the menu's Print… does, without a dialog, to the PDF file @path
 * (GTK_PRINT_OPERATION_ACTION_EXPORT with the default page setup). */
gboolean        sp_chart_view_print_to_file    (SpChartView          *self,
                                                const char           *path,
                                                GError              **error);
/* Opens the "Show as Table" window; returns it (for tests). */
GtkWindow      *sp_chart_view_show_table       (SpChartView          *self);

/* The table the "Show as Table" window shows: a list of SpChartRow. */
GListModel         *sp_chart_view_dup_rows (SpChartView *self);

G_END_DECLS
