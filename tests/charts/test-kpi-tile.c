/* test-kpi-tile.c — KPI tile: the text fits, the change, the sparkline, hit test, pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sp-chart-test-utils.h"
#include "sp-kpi-tile.h"

#define YUAN(x) ((double) (x) * 100)

static const double revenue_points[] = { 8.1e8, 8.6e8, 7.9e8, 9.4e8, 9.9e8, 1.02e9, 9.7e8,
                                         1.1e9, 1.05e9, 1.16e9, 1.21e9, 1.3e9 };
static const double rate_points[] = { 0.31, 0.29, 0.33, 0.30, NAN, 0.27, 0.26, 0.24 };
static const double cycle_points[] = { 48, 46, 47, 44, 41, 42, 39, 37 };
static const double lead_points[] = { 1100, 1180, 1240, 1190, 1320, 1410 };
static const double flat_points[] = { 5, 5, 5, 5 };
static const double one_point[] = { 42 };

static char *
format_days (double   value,
             gpointer user_data)
{
  return g_strdup_printf ("%.1f d", value);
}

typedef struct
{
  SpKpiTileData data;
  const char   *figure;   /* the formatted value the tile must show whole */
} Case;

static Case cases[10];

static void
make_cases (void)
{
  const SpCurrency *cny = sp_currency_lookup ("CNY");

  /* ¥1,000,000,000 of average deal size, up. */
  cases[0] = (Case) { { "Average deal size", YUAN (1000000000), YUAN (880000000), FALSE,
                        G_N_ELEMENTS (revenue_points), revenue_points, sp_chart_format_money,
                        (gpointer) cny }, "¥1B" };
  /* A rate falling: ▼ and a negative percentage, bad news. */
  cases[1] = (Case) { { "赢单率", 0.24, 0.26, FALSE, G_N_ELEMENTS (rate_points), rate_points,
                        sp_chart_format_ratio, NULL }, "24.0%" };
  /* The win cycle falling: ▼, good news. */
  cases[2] = (Case) { { "Win cycle", 37, 39, TRUE, G_N_ELEMENTS (cycle_points), cycle_points,
                        format_days, NULL }, "37.0 d" };
  /* A long count in plain numbers, and a long Chinese name. */
  cases[3] = (Case) { { "有效线索（华东区上海浦东新区重点客户事业部）", 1234567890, 1410, FALSE,
                        G_N_ELEMENTS (lead_points), lead_points, NULL, NULL }, "1,234,567,890" };
  /* Nothing to compare with; a flat sparkline. */
  cases[4] = (Case) { { "Effective opportunities", 5, NAN, FALSE, G_N_ELEMENTS (flat_points),
                        flat_points, NULL, NULL }, "5" };
  /* A previous of zero: no percentage can be given. */
  cases[5] = (Case) { { "New customers", 12, 0, FALSE, G_N_ELEMENTS (one_point), one_point, NULL,
                        NULL }, "12" };
  /* No sparkline at all, and no change. */
  cases[6] = (Case) { { "回款率", 0.915, 0.915, FALSE, 0, NULL, sp_chart_format_ratio, NULL },
                      "91.5%" };
  /* No data. */
  cases[7] = (Case) { { "Collection rate", NAN, 0.9, FALSE, 0, NULL, sp_chart_format_ratio, NULL },
                      NULL };
  /* Growth from a negative previous (returns): up is still up. */
  cases[8] = (Case) { { "Net revenue", YUAN (20000), -YUAN (10000), FALSE, 0, NULL,
                        sp_chart_format_money, (gpointer) cny }, "¥20K" };
  /* From 0 to 0: the change is undefined, "—", not "0.0%". */
  cases[9] = (Case) { { "Lost deals", 0, 0, TRUE, 0, NULL, NULL, NULL }, "0" };
}

static void
check_layout (const Case         *c,
              const SpChartStyle *style,
              double              width,
              double              height)
{
  g_auto(SpKpiTileLayout) layout = { 0 };
  const SpKpiTileData *data = &c->data;

  sp_kpi_tile_layout (data, style, NULL, width, height, &layout);
  sp_chart_test_assert_labels (layout.labels, width, height);

  /* At a dashboard's tile size or larger the figure is always there, whole. */
  if (c->figure != NULL && width >= 240 && height >= 140)
    {
      const SpChartLabel *figure = sp_chart_test_find_label (layout.labels, -1, c->figure);

      if (figure == NULL)
        g_error ("\"%s\" is not shown whole at %gx%g (%s)", c->figure, width, height,
                 sp_chart_palette_to_string (style->kind));
      g_assert_false (pango_layout_is_ellipsized (figure->layout));
      g_assert_cmpfloat (layout.value_font_size, >=,
                         sp_chart_text_font_size (style, SP_CHART_FONT_SMALL));
      g_assert_cmpfloat (layout.value_font_size, <=,
                         sp_chart_text_font_size (style, SP_CHART_FONT_FIGURE));
      /* The figure is the biggest text on the tile. */
      g_assert_cmpfloat (figure->height, >=,
                         sp_chart_text_line_height (pango_layout_get_context (figure->layout),
                                                    style, SP_CHART_FONT_VALUE));
    }
  if (c->figure == NULL && width >= 240 && height >= 140)
    g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No data"));

  /* Sparkline points inside its box, left to right. */
  for (guint i = 0; i < layout.n_points; i++)
    {
      const SpChartPoint *p = &layout.points[i];

      g_assert_true (sp_chart_rect_contains_point (&layout.sparkline, p->x, layout.sparkline.y));
      if (isfinite (p->y))
        {
          g_assert_cmpfloat (p->y, >=, layout.sparkline.y);
          g_assert_cmpfloat (p->y, <=, layout.sparkline.y + layout.sparkline.height);
        }
      g_assert_true (isfinite (p->y) == isfinite (data->points[i]));
      if (i > 0)
        g_assert_cmpfloat (p->x, >, layout.points[i - 1].x);
    }
  if (layout.n_points > 0)
    {
      g_assert_cmpuint (layout.n_points, ==, data->n_points);
      g_assert_cmpfloat (layout.sparkline.x, >=, 0);
      g_assert_cmpfloat (layout.sparkline.y + layout.sparkline.height, <=, height);
      g_assert_cmpfloat (layout.sparkline.x + layout.sparkline.width, <=, width);
      /* Under all the text. */
      for (guint i = 0; i < layout.labels->len; i++)
        {
          SpChartRect box;

          sp_chart_label_get_bounds (&g_array_index (layout.labels, SpChartLabel, i), &box);
          g_assert_false (sp_chart_rect_intersects (&box, &layout.sparkline));
        }
    }
}

static void
test_kpi_fit (void)
{
  const double sizes[][2] = { { 240, 140 }, { 260, 150 }, { 320, 180 }, { 480, 240 },
                              { 1920, 1080 }, { 160, 90 }, { 100, 60 } };

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          SpChartStyle style;

          sp_chart_style_init (&style, kind);
          check_layout (&cases[c], &style, sizes[z][0], sizes[z][1]);
        }
}

static void
test_kpi_change (void)
{
  SpChartStyle style;
  struct {
    guint       c;
    SpKpiTrend  trend;
    gboolean    good;
    const char *text;
  } expected[] = {
    { 0, SP_KPI_TREND_UP, TRUE, "▲ 13.6%" },
    { 1, SP_KPI_TREND_DOWN, FALSE, "▼ -7.7%" },
    { 2, SP_KPI_TREND_DOWN, TRUE, "▼ -5.1%" },
    { 4, SP_KPI_TREND_NONE, FALSE, "—" },
    { 5, SP_KPI_TREND_NONE, FALSE, "—" },
    { 6, SP_KPI_TREND_FLAT, FALSE, "0.0%" },
    { 8, SP_KPI_TREND_UP, TRUE, "▲ 300.0%" },
    { 9, SP_KPI_TREND_NONE, FALSE, "—" },
  };

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(SpKpiTileLayout) layout = { 0 };
      const SpChartLabel *label;

      sp_kpi_tile_layout (&cases[expected[i].c].data, &style, NULL, 320, 180, &layout);
      g_assert_cmpint (layout.trend, ==, expected[i].trend);
      g_assert_true (layout.good == expected[i].good);
      label = sp_chart_test_find_label (layout.labels, -1, expected[i].text);
      if (label == NULL)
        g_error ("no \"%s\" on tile %u", expected[i].text, expected[i].c);

      /* Good news green, bad news red, both readable as text. */
      g_assert_cmpfloat (sp_chart_color_contrast (&label->color, &style.background), >=, 4.5);
      if (expected[i].trend == SP_KPI_TREND_UP || expected[i].trend == SP_KPI_TREND_DOWN)
        g_assert_true ((label->color.green > label->color.red) == expected[i].good);
    }

  /* A change too small to show keeps its sign. */
  {
    SpKpiTileData data = { "Leads", 99999, 100000, FALSE, 0, NULL, NULL, NULL };
    g_auto(SpKpiTileLayout) layout = { 0 };

    sp_kpi_tile_layout (&data, &style, NULL, 320, 180, &layout);
    g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "▼ -<0.1%"));
    g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "vs previous period"));
    g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "99,999"));
  }
}

static void
test_kpi_sparkline (void)
{
  g_auto(SpKpiTileLayout) layout = { 0 };
  SpChartStyle style;
  double top, bottom;

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  sp_kpi_tile_layout (&cases[0].data, &style, NULL, 240, 140, &layout);
  g_assert_cmpuint (layout.n_points, ==, G_N_ELEMENTS (revenue_points));
  g_assert_cmpfloat (layout.sparkline.height, >=, 14);

  /* The lowest value at the bottom, the highest at the top, linear between. */
  top = layout.points[11].y;      /* 1.3e9 */
  bottom = layout.points[2].y;    /* 7.9e8 */
  g_assert_cmpfloat (top, <, bottom);
  for (guint i = 0; i < layout.n_points; i++)
    g_assert_cmpfloat_with_epsilon (layout.points[i].y,
                                    bottom + (top - bottom) * (revenue_points[i] - 7.9e8)
                                             / (1.3e9 - 7.9e8), 1e-9);

  /* Hit test: the nearest point along the line. */
  for (guint i = 0; i < layout.n_points; i++)
    g_assert_cmpint (sp_kpi_tile_layout_hit_test (&layout, layout.points[i].x + 0.4,
                                                  layout.sparkline.y + 1), ==, (int) i);
  g_assert_cmpint (sp_kpi_tile_layout_hit_test (&layout, 120, 2), ==, -1);
  sp_kpi_tile_layout_clear (&layout);

  /* A gap: no point there, and the hit test skips it. */
  sp_kpi_tile_layout (&cases[1].data, &style, NULL, 240, 140, &layout);
  g_assert_true (isnan (layout.points[4].y));
  g_assert_cmpint (sp_kpi_tile_layout_hit_test (&layout, layout.points[4].x,
                                                layout.sparkline.y + 1), !=, 4);
  sp_kpi_tile_layout_clear (&layout);

  /* All equal: a level line through the middle. */
  sp_kpi_tile_layout (&cases[4].data, &style, NULL, 240, 140, &layout);
  for (guint i = 0; i < layout.n_points; i++)
    g_assert_cmpfloat_with_epsilon (layout.points[i].y,
                                    layout.sparkline.y + layout.sparkline.height / 2, 1e-9);
}

static void
test_kpi_pixels (void)
{
  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      g_auto(SpKpiTileLayout) layout = { 0 };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 180);
      cairo_t *cr = cairo_create (surface);
      const SpChartPoint *last;
      SpChartStyle style;

      sp_chart_style_init (&style, kind);
      sp_kpi_tile_draw (cr, &cases[0].data, &style, 320, 180);
      sp_kpi_tile_layout (&cases[0].data, &style, NULL, 320, 180, &layout);
      g_assert_cmpuint (layout.n_points, >, 0);

      sp_chart_test_assert_pixel (surface, 0, 0, &style.background);
      sp_chart_test_assert_pixel (surface, 319, 179, &style.background);
      /* The end dot of the sparkline. */
      last = &layout.points[layout.n_points - 1];
      sp_chart_test_assert_pixel (surface, (int) last->x, (int) last->y, &style.series[0]);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_kpi_empty (void)
{
  SpKpiTileData data = { NULL, NAN, NAN, FALSE, 0, NULL, NULL, NULL };
  g_auto(SpKpiTileLayout) layout = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 140);
  cairo_t *cr = cairo_create (surface);
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_HIGH_CONTRAST);
  sp_kpi_tile_draw (cr, &data, &style, 240, 140);
  sp_chart_test_assert_pixel (surface, 0, 0, &style.background);
  g_assert_cmpuint (sp_chart_test_count_other_pixels (surface, 60, 50, 120, 40,
                                                      &style.background), >, 30);

  sp_kpi_tile_layout (&data, &style, NULL, 240, 140, &layout);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No data"));
  g_assert_cmpuint (layout.n_points, ==, 0);
  g_assert_cmpint (sp_kpi_tile_layout_hit_test (&layout, 120, 70), ==, -1);
  sp_kpi_tile_layout_clear (&layout);

  for (double size = 0; size <= 60; size += 15)
    {
      sp_kpi_tile_layout (&cases[0].data, &style, NULL, size, size * 0.6, &layout);
      sp_chart_test_assert_labels (layout.labels, size, size * 0.6);
      sp_kpi_tile_layout_clear (&layout);
      sp_kpi_tile_draw (cr, &cases[0].data, &style, size, size * 0.6);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A dashboard's row of tiles, 3 x 3 at @width x @height each, as people would see them. */
static void
write_sheet (SpChartPaletteKind kind,
             int                width,
             int                height,
             const char        *name)
{
  int gap = 12;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         3 * width + 4 * gap,
                                                         3 * height + 4 * gap);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *file = g_strdup_printf ("kpi-%s-%s-%dx%d.png", name,
                                           sp_chart_palette_to_string (kind), width, height);
  SpChartStyle style;
  SpChartColor frame;

  sp_chart_style_init (&style, kind);
  sp_chart_color_mix (&style.background, &style.muted, 0.5, &frame);
  sp_chart_set_source_color (cr, &frame);
  cairo_paint (cr);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_save (cr);
      cairo_translate (cr, gap + (i % 3) * (width + gap), gap + (i / 3) * (height + gap));
      sp_kpi_tile_draw (cr, &cases[i].data, &style, width, height);
      cairo_restore (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  sp_chart_test_write_png (surface, file);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_kpi_png (void)
{
  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    write_sheet (kind, 240, 140, "tiles");
  write_sheet (SP_CHART_PALETTE_LIGHT, 320, 180, "tiles");
  write_sheet (SP_CHART_PALETTE_PROJECTOR, 320, 180, "tiles");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_chart_test_init (argv[0]);
  make_cases ();

  g_test_add_func ("/kpi-tile/fit", test_kpi_fit);
  g_test_add_func ("/kpi-tile/change", test_kpi_change);
  g_test_add_func ("/kpi-tile/sparkline", test_kpi_sparkline);
  g_test_add_func ("/kpi-tile/pixels", test_kpi_pixels);
  g_test_add_func ("/kpi-tile/empty", test_kpi_empty);
  g_test_add_func ("/kpi-tile/png", test_kpi_png);

  status = g_test_run ();
  g_free (sp_chart_test_dir);

  return status;
}
