/* test-heatmap-chart.c — heatmap: cells tile the grid, colour follows value, labels, pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sp-chart-test-utils.h"
#include "sp-heatmap-chart.h"

#define YUAN(x) ((double) (x) * 100)

static const char * const months_en[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                          "Sep", "Oct", "Nov", "Dec" };
static const char * const months_zh[] = { "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月",
                                          "9月", "10月", "11月", "12月" };
static const char * const regions_en[] = { "East", "South", "North", "Southwest", "Northwest",
                                           "Northeast", "Central", "Hong Kong & Macau" };
static const char * const regions_zh[] = { "华东区", "华南区（广州天河区渠道拓展事业部）", "华北区",
                                           "西南区", "西北区", "东北区",
                                           "华中区（武汉光谷重点客户事业部）", "港澳区" };
static const char * const one_row[] = { "华东区" };

static double region_values[8 * 12];
static double large_values[20 * 12];
static char *large_names[20];
static double gap_values[8 * 12];
static double ratio_values[8 * 12];
static const double big_value[] = { YUAN (1000000000) };

static void
make_values (void)
{
  for (guint r = 0; r < 8; r++)
    for (guint c = 0; c < 12; c++)
      {
        double season = 1.0 + 0.35 * sin ((c + 2) * G_PI / 6);
        double value = YUAN ((400000 + 90000 * ((r * 5) % 8)) * season);

        region_values[r * 12 + c] = round (value);
        gap_values[r * 12 + c] = (r + c) % 7 == 3 ? NAN : round (value);
        ratio_values[r * 12 + c] = 0.55 + 0.08 * ((r * 3 + c * 5) % 10);
      }
  for (guint r = 0; r < 20; r++)
    {
      large_names[r] = g_strdup_printf ("Region %02u", r + 1);
      for (guint c = 0; c < 12; c++)
        large_values[r * 12 + c] = YUAN (100000 + 37000 * ((r * 7 + c * 3) % 23));
    }
}

static SpHeatmapData
make_data (const char * const *rows,
           guint               n_rows,
           const char * const *columns,
           guint               n_columns,
           const double       *values,
           const char         *title)
{
  SpHeatmapData data = { 0 };

  data.title = title;
  data.n_rows = n_rows;
  data.n_columns = n_columns;
  data.row_labels = rows;
  data.column_labels = columns;
  data.values = values;
  data.format_value = sp_chart_format_money;
  data.format_data = (gpointer) sp_currency_lookup ("CNY");

  return data;
}

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const SpChartColor *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

static gboolean
dark_ramp (const SpChartStyle *style)
{
  return luminance (&style->background) < 0.2;
}

static void
check_layout (const SpHeatmapData *data,
              const SpChartStyle  *style,
              double               width,
              double               height)
{
  g_auto(SpHeatmapLayout) layout = { 0 };
  guint n_rows = data->n_rows, n_columns = data->n_columns;
  double area = 0;

  sp_heatmap_chart_layout (data, style, NULL, width, height, &layout);
  sp_chart_test_assert_labels (layout.labels, width, height);
  g_assert_cmpuint (layout.n_rows, ==, n_rows);
  g_assert_cmpuint (layout.n_columns, ==, n_columns);

  /* The cells tile the grid: each starts where its neighbour ends, the outer ones on the
   * grid's (rounded) edges, nothing empty, the areas add up. */
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const SpChartRect *cell = &layout.cells[r * n_columns + c].rect;

        area += cell->width * cell->height;
        g_assert_cmpfloat (cell->x, ==, round (cell->x));
        g_assert_cmpfloat (cell->y, ==, round (cell->y));
        g_assert_cmpfloat (cell->width, ==, round (cell->width));
        g_assert_cmpfloat (cell->height, ==, round (cell->height));
        if (c == 0)
          g_assert_cmpfloat (cell->x, ==, round (layout.grid.x));
        else
          g_assert_cmpfloat (cell->x, ==, layout.cells[r * n_columns + c - 1].rect.x
                                          + layout.cells[r * n_columns + c - 1].rect.width);
        if (c == n_columns - 1)
          g_assert_cmpfloat (cell->x + cell->width, ==, round (layout.grid.x + layout.grid.width));
        if (r == 0)
          g_assert_cmpfloat (cell->y, ==, round (layout.grid.y));
        else
          g_assert_cmpfloat (cell->y, ==, layout.cells[(r - 1) * n_columns + c].rect.y
                                          + layout.cells[(r - 1) * n_columns + c].rect.height);
        if (r == n_rows - 1)
          g_assert_cmpfloat (cell->y + cell->height, ==,
                             round (layout.grid.y + layout.grid.height));
        if (layout.grid.width >= n_columns && layout.grid.height >= n_rows)
          {
            g_assert_cmpfloat (cell->width, >, 0);
            g_assert_cmpfloat (cell->height, >, 0);
          }

        g_assert_cmpint (sp_heatmap_layout_hit_test (&layout, cell->x + cell->width / 2,
                                                     cell->y + cell->height / 2), ==,
                         cell->width > 0 && cell->height > 0 ? (int) (r * n_columns + c) : -1);
      }
  g_assert_cmpfloat (area, ==, (round (layout.grid.x + layout.grid.width) - round (layout.grid.x))
                               * (round (layout.grid.y + layout.grid.height) - round (layout.grid.y)));
  g_assert_cmpint (sp_heatmap_layout_hit_test (&layout, layout.grid.x - 1, layout.grid.y + 1), ==,
                   -1);
  g_assert_cmpint (sp_heatmap_layout_hit_test (&layout, width / 2, height + 1), ==, -1);

  /* Colour is monotonic in value: a larger value is darker on a light page, brighter on a
   * dark one; equal values, equal colours. */
  for (guint i = 0; i < n_rows * n_columns; i++)
    for (guint j = 0; j < n_rows * n_columns; j++)
      {
        double vi = data->values[i], vj = data->values[j];
        double li = luminance (&layout.cells[i].color), lj = luminance (&layout.cells[j].color);

        g_assert_true (layout.cells[i].empty == !isfinite (vi));
        if (!isfinite (vi) || !isfinite (vj) || vi >= vj)
          continue;
        if (dark_ramp (style))
          g_assert_cmpfloat (li, <, lj);
        else
          g_assert_cmpfloat (li, >, lj);
      }

  /* Values in the cells: all of them or none, each inside its own cell. */
  if (layout.show_values)
    for (guint i = 0; i < n_rows * n_columns; i++)
      {
        g_autofree char *text = NULL;
        const SpChartLabel *label;

        if (layout.cells[i].empty)
          {
            g_assert_cmpuint (sp_chart_test_count_item_labels (layout.labels, (int) i), ==, 0);
            continue;
          }
        text = sp_chart_format_money (data->values[i], data->format_data);
        label = sp_chart_test_find_label (layout.labels, (int) i, text);
        g_assert_nonnull (label);
        g_assert_cmpfloat (label->x, >=, layout.cells[i].rect.x);
        g_assert_cmpfloat (label->y, >=, layout.cells[i].rect.y);
        g_assert_cmpfloat (label->x + label->width, <=,
                           layout.cells[i].rect.x + layout.cells[i].rect.width);
        g_assert_cmpfloat (label->y + label->height, <=,
                           layout.cells[i].rect.y + layout.cells[i].rect.height);
      }
  else
    for (guint i = 0; i < n_rows * n_columns; i++)
      g_assert_cmpuint (sp_chart_test_count_item_labels (layout.labels, (int) i), ==, 0);
}

static void
test_heatmap_geometry (void)
{
  const SpHeatmapData sets[] = {
    make_data (regions_en, 8, months_en, 12, region_values, "Revenue by region and month"),
    make_data (regions_zh, 8, months_zh, 12, region_values, "各区域月度销售额"),
    make_data ((const char * const *) large_names, 20, months_en, 12, large_values, "20 regions"),
    make_data (regions_en, 8, months_en, 12, gap_values, "With gaps"),
    make_data (one_row, 1, months_zh, 1, big_value, "一个格子"),
    make_data (regions_zh, 3, months_zh, 12, region_values, "三个区域"),
  };
  const double sizes[][2] = { { 1024, 768 }, { 1920, 1080 }, { 640, 400 }, { 320, 240 },
                              { 1024, 300 } };

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          SpChartStyle style;

          sp_chart_style_init (&style, kind);
          check_layout (&sets[s], &style, sizes[z][0], sizes[z][1]);
        }
}

/* The scale itself: lightness strictly monotonic over its whole length. */
static void
test_heatmap_scale (void)
{
  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      SpChartStyle style;
      SpChartColor low, high;
      double previous = NAN;

      sp_chart_style_init (&style, kind);
      for (guint i = 0; i <= 1000; i++)
        {
          SpChartColor color;
          double l;

          sp_heatmap_color (&style, i / 1000.0, &color);
          l = luminance (&color);
          if (i > 0)
            {
              if (dark_ramp (&style))
                g_assert_cmpfloat (l, >, previous);
              else
                g_assert_cmpfloat (l, <, previous);
            }
          previous = l;
        }

      /* The low end stays near the background yet apart from it, the high end stands out;
       * the ends are far apart. */
      sp_heatmap_color (&style, 0, &low);
      sp_heatmap_color (&style, 1, &high);
      g_assert_cmpfloat (sp_chart_color_contrast (&low, &high), >, 7.0);
      g_assert_cmpfloat (sp_chart_color_contrast (&low, &style.background), >=, 1.05);
      g_assert_cmpfloat (sp_chart_color_contrast (&high, &style.background), >, 7.0);
    }
}

static void
test_heatmap_labels (void)
{
  SpHeatmapData data = make_data (regions_zh, 8, months_zh, 12, region_values, "各区域月度销售额");
  g_auto(SpHeatmapLayout) layout = { 0 };
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  sp_heatmap_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_true (layout.show_values);
  g_assert_cmpuint (layout.row_step, ==, 1);
  g_assert_cmpuint (layout.column_step, ==, 1);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "华东区"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "12月"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1,
                                              "华南区（广州天河区渠道拓展事业部）"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 95, "¥787.3K"));
  sp_heatmap_layout_clear (&layout);

  sp_heatmap_chart_layout (&data, &style, NULL, 640, 480, &layout);
  sp_chart_test_assert_labels (layout.labels, 640, 480);
  /* The long region names: ellipsized, ending before the grid. */
  for (guint i = 0; i < layout.labels->len; i++)
    {
      const SpChartLabel *label = &g_array_index (layout.labels, SpChartLabel, i);

      if (g_str_has_prefix (pango_layout_get_text (label->layout), "华南区（"))
        {
          g_assert_true (pango_layout_is_ellipsized (label->layout));
          g_assert_cmpfloat (label->x + label->width, <=, layout.grid.x);
        }
    }
  /* Legend ticks from the colour scale's range. */
  g_assert_cmpfloat (layout.ticks.lower, <=, 400000 * 100 * 0.65);
  g_assert_cmpfloat (layout.legend.width, >, 0);
  g_assert_cmpfloat (layout.legend_empty.width, ==, 0);
  sp_heatmap_layout_clear (&layout);

  /* Cells without a value: the neutral colour, no text, and a legend entry. */
  data = make_data (regions_en, 8, months_en, 12, gap_values, "With gaps");
  sp_heatmap_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_true (layout.cells[3].empty);
  g_assert_cmpfloat (layout.legend_empty.width, >, 0);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No value"));
  sp_heatmap_layout_clear (&layout);

  /* Narrow: values that cannot fit are all left out, and months thinned, never overlapping. */
  data = make_data (regions_en, 8, months_en, 12, region_values, NULL);
  sp_heatmap_chart_layout (&data, &style, NULL, 420, 300, &layout);
  g_assert_false (layout.show_values);
  g_assert_cmpuint (layout.column_step, >, 1);
  sp_chart_test_assert_labels (layout.labels, 420, 300);
  sp_heatmap_layout_clear (&layout);

  /* Rates, formatted as percentages. */
  data = make_data (regions_en, 8, months_en, 12, ratio_values, "Attainment");
  data.format_value = sp_chart_format_ratio;
  sp_heatmap_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 0, "55.0%"));
}

static void
test_heatmap_pixels (void)
{
  SpHeatmapData data = make_data (regions_en, 8, months_en, 12, gap_values, "Revenue");

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      g_auto(SpHeatmapLayout) layout = { 0 };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
      cairo_t *cr = cairo_create (surface);
      SpChartStyle style;

      sp_chart_style_init (&style, kind);
      sp_heatmap_chart_draw (cr, &data, &style, 1024, 768);
      sp_heatmap_chart_layout (&data, &style, NULL, 1024, 768, &layout);

      sp_chart_test_assert_pixel (surface, 1, 1, &style.background);
      sp_chart_test_assert_pixel (surface, 1022, 766, &style.background);
      /* Inside each cell, clear of the hairlines and the value in its middle. */
      for (guint i = 0; i < layout.n_rows * layout.n_columns; i++)
        {
          const SpChartRect *r = &layout.cells[i].rect;

          if (layout.cells[i].empty)
            {
              g_assert_cmpuint (sp_chart_test_count_other_pixels (surface, (int) r->x + 2,
                                                                  (int) r->y + 2,
                                                                  (int) r->width - 4,
                                                                  (int) r->height - 4,
                                                                  &layout.cells[i].color), >, 20);
              continue;
            }
          sp_chart_test_assert_pixel (surface, (int) r->x + 3, (int) r->y + 3,
                                      &layout.cells[i].color);
          sp_chart_test_assert_pixel (surface, (int) (r->x + r->width) - 3,
                                      (int) (r->y + r->height) - 3, &layout.cells[i].color);
        }
      /* The legend's ends are the scale's ends. */
      {
        SpChartColor low, high;

        sp_heatmap_color (&style, 0, &low);
        sp_heatmap_color (&style, 1, &high);
        sp_chart_test_assert_pixel (surface, (int) layout.legend.x,
                                    (int) (layout.legend.y + layout.legend.height / 2), &low);
        sp_chart_test_assert_pixel (surface, (int) (layout.legend.x + layout.legend.width) - 1,
                                    (int) (layout.legend.y + layout.legend.height / 2), &high);
      }

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_heatmap_empty (void)
{
  const double nothing[] = { NAN, NAN };
  SpHeatmapData data = make_data (NULL, 0, NULL, 0, NULL, "Revenue");
  g_auto(SpHeatmapLayout) layout = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
  cairo_t *cr = cairo_create (surface);
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_HIGH_CONTRAST);
  sp_heatmap_chart_draw (cr, &data, &style, 1024, 768);
  sp_chart_test_assert_pixel (surface, 1, 1, &style.background);
  g_assert_cmpuint (sp_chart_test_count_other_pixels (surface, 412, 334, 200, 100,
                                                      &style.background), >, 50);
  sp_chart_test_write_png (surface, "heatmap-empty-high-contrast.png");

  sp_heatmap_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No data"));
  g_assert_cmpint (sp_heatmap_layout_hit_test (&layout, 512, 384), ==, -1);
  sp_heatmap_layout_clear (&layout);

  /* Cells, but not one value. */
  data = make_data (one_row, 1, months_en, 2, nothing, NULL);
  sp_heatmap_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No data"));
  sp_heatmap_layout_clear (&layout);

  data = make_data (regions_en, 8, months_en, 12, region_values, "Revenue");
  for (double size = 0; size <= 60; size += 15)
    {
      sp_heatmap_chart_layout (&data, &style, NULL, size, size * 0.75, &layout);
      sp_chart_test_assert_labels (layout.labels, size, size * 0.75);
      sp_heatmap_layout_clear (&layout);
      sp_heatmap_chart_draw (cr, &data, &style, size, size * 0.75);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
write_png (const SpHeatmapData *data,
           SpChartPaletteKind   kind,
           int                  width,
           int                  height,
           const char          *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *file = g_strdup_printf ("heatmap-%s-%s-%dx%d.png", name,
                                           sp_chart_palette_to_string (kind), width, height);
  SpChartStyle style;

  sp_chart_style_init (&style, kind);
  sp_heatmap_chart_draw (cr, data, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  sp_chart_test_write_png (surface, file);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_heatmap_png (void)
{
  SpHeatmapData en = make_data (regions_en, 8, months_en, 12, gap_values,
                                "Revenue by region and month");
  SpHeatmapData zh = make_data (regions_zh, 8, months_zh, 12, region_values, "各区域月度销售额");
  SpHeatmapData large = make_data ((const char * const *) large_names, 20, months_en, 12,
                                   large_values, "20 regions");
  SpHeatmapData big = make_data (one_row, 1, months_zh, 1, big_value, "一个格子");
  SpHeatmapData rates = make_data (regions_en, 8, months_en, 12, ratio_values,
                                   "Attainment by region and month");

  rates.format_value = sp_chart_format_ratio;
  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      write_png (&en, kind, 1024, 768, "en");
      write_png (&zh, kind, 1024, 768, "zh");
    }
  write_png (&en, SP_CHART_PALETTE_LIGHT, 1920, 1080, "en");
  write_png (&zh, SP_CHART_PALETTE_PROJECTOR, 1920, 1080, "zh");
  write_png (&large, SP_CHART_PALETTE_LIGHT, 1024, 768, "large");
  write_png (&big, SP_CHART_PALETTE_PROJECTOR, 1024, 768, "big");
  write_png (&rates, SP_CHART_PALETTE_DARK, 1024, 768, "rates");
  write_png (&en, SP_CHART_PALETTE_LIGHT, 480, 320, "en-small");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_chart_test_init (argv[0]);
  make_values ();

  g_test_add_func ("/heatmap-chart/geometry", test_heatmap_geometry);
  g_test_add_func ("/heatmap-chart/scale", test_heatmap_scale);
  g_test_add_func ("/heatmap-chart/labels", test_heatmap_labels);
  g_test_add_func ("/heatmap-chart/pixels", test_heatmap_pixels);
  g_test_add_func ("/heatmap-chart/empty", test_heatmap_empty);
  g_test_add_func ("/heatmap-chart/png", test_heatmap_png);

  status = g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (large_names); i++)
    g_free (large_names[i]);
  g_free (sp_chart_test_dir);

  return status;
}
