/* test-attainment-chart.c — attainment bars: scale, ticks, label placement, hit test, pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sp-attainment-chart.h"
#include "sp-chart-test-utils.h"

#define YUAN(x) ((gint64) (x) * 100)

static const SpAttainmentItem month_items[] = {
  { "Jan", YUAN (800000), YUAN (812000) },
  { "Feb", YUAN (600000), YUAN (455000) },
  { "Mar", YUAN (900000), YUAN (1020000) },
  { "Apr", YUAN (850000), YUAN (846500) },
  { "May", YUAN (900000), YUAN (610000) },
  { "Jun", YUAN (1000000), YUAN (1000000) },
  { "Jul", YUAN (950000), YUAN (700000) },
  { "Aug", YUAN (950000), YUAN (990000) },
  { "Sep", YUAN (1100000), YUAN (1180000) },
  { "Oct", YUAN (1000000), YUAN (640000) },
  { "Nov", YUAN (1200000), YUAN (1260000) },
  { "Dec", YUAN (1400000), YUAN (1150000) },
};

/* A rep with no target, one with returns larger than sales, one far above target. */
static const SpAttainmentItem edge_items[] = {
  { "Zhang Wei", YUAN (500000), YUAN (520000) },
  { "Li Na (new)", 0, YUAN (120000) },
  { "Wang Fang", YUAN (400000), -YUAN (80000) },
  { "Liu Yang", YUAN (300000), YUAN (960000) },
};

static const SpAttainmentItem big_items[] = {
  { "华东区", YUAN (1000000000), YUAN (1040000000) },
  { "华南区", YUAN (800000000), YUAN (610000000) },
};

static const SpAttainmentItem one_item[] = {
  { "全年 Year", YUAN (12000000), YUAN (9876543) },
};

static SpAttainmentItem chinese_items[24];
static char *chinese_names[24];

static void
make_chinese_items (void)
{
  const char *regions[] = { "华东区", "华南区", "华北区", "西南区", "西北区", "东北区", "华中区",
                            "港澳区" };
  const char *units[] = { "上海浦东新区重点客户事业部", "广州天河区渠道拓展事业部",
                          "北京朝阳区战略客户部" };

  for (guint i = 0; i < G_N_ELEMENTS (chinese_items); i++)
    {
      chinese_names[i] = g_strconcat (regions[i % 8], units[i % 3], NULL);
      chinese_items[i].label = chinese_names[i];
      chinese_items[i].target = YUAN (2000000 + 150000 * (i % 7));
      chinese_items[i].actual = YUAN (1300000 + 237000 * (i % 9));
    }
}

static SpAttainmentData
make_data (const SpAttainmentItem *items,
           guint                   n_items,
           const char             *title)
{
  SpAttainmentData data = { 0 };

  data.title = title;
  data.n_items = n_items;
  data.items = items;
  data.format_amount = sp_chart_format_money;
  data.format_data = (gpointer) sp_currency_lookup ("CNY");

  return data;
}

static gboolean
is_nice_step (double step)
{
  double magnitude = pow (10.0, floor (log10 (step)));
  double m = step / magnitude;

  return fabs (m - 1) < 1e-9 || fabs (m - 2) < 1e-9 || fabs (m - 2.5) < 1e-9 || fabs (m - 5) < 1e-9;
}

static void
check_layout (const SpAttainmentData *data,
              const SpChartStyle     *style,
              double                  width,
              double                  height)
{
  g_auto(SpAttainmentLayout) layout = { 0 };
  double vmin = 0, vmax = 0, pixels_per_unit, zero_y;

  sp_attainment_chart_layout (data, style, NULL, width, height, &layout);
  g_assert_cmpuint (layout.n_bars, ==, data->n_items);
  sp_chart_test_assert_labels (layout.labels, width, height);

  for (guint i = 0; i < data->n_items; i++)
    {
      vmin = MIN (vmin, (double) MIN (data->items[i].target, data->items[i].actual));
      vmax = MAX (vmax, (double) MAX (data->items[i].target, data->items[i].actual));
    }

  /* Ticks: nice, evenly spaced, covering the data and zero. */
  g_assert_cmpuint (layout.ticks.n_ticks, >=, 2);
  g_assert_true (is_nice_step (layout.ticks.step));
  g_assert_cmpfloat (layout.ticks.lower, <=, vmin);
  g_assert_cmpfloat (layout.ticks.upper, >=, vmax);
  for (guint i = 1; i < layout.ticks.n_ticks; i++)
    g_assert_cmpfloat_with_epsilon (layout.ticks.values[i] - layout.ticks.values[i - 1],
                                    layout.ticks.step,
                                    layout.ticks.step * 1e-9);
  g_assert_cmpfloat_with_epsilon (sp_chart_scale_map (&layout.scale, layout.ticks.lower),
                                  layout.plot.y + layout.plot.height, 1e-6);
  g_assert_cmpfloat_with_epsilon (sp_chart_scale_map (&layout.scale, layout.ticks.upper),
                                  layout.plot.y, 1e-6);

  /* Bars: height proportional to the value, from the zero line, inside the plot and slot. */
  pixels_per_unit = layout.plot.height / (layout.ticks.upper - layout.ticks.lower);
  zero_y = layout.plot.y + layout.ticks.upper * pixels_per_unit;
  for (guint i = 0; i < layout.n_bars; i++)
    {
      const SpAttainmentItem *item = &data->items[i];
      const SpAttainmentBar *bar = &layout.bars[i];
      const SpChartRect *rects[2] = { &bar->target, &bar->actual };
      const gint64 values[2] = { item->target, item->actual };

      for (guint r = 0; r < 2; r++)
        {
          g_assert_cmpfloat_with_epsilon (rects[r]->height,
                                          fabs ((double) values[r]) * pixels_per_unit, 1.0);
          if (values[r] >= 0)
            g_assert_cmpfloat_with_epsilon (rects[r]->y + rects[r]->height, zero_y, 1.0);
          else
            g_assert_cmpfloat_with_epsilon (rects[r]->y, zero_y, 1.0);
          g_assert_cmpfloat (rects[r]->y, >=, layout.plot.y - 0.51);
          g_assert_cmpfloat (rects[r]->y + rects[r]->height, <=,
                             layout.plot.y + layout.plot.height + 0.51);
          g_assert_cmpfloat (rects[r]->x, >=, bar->hit.x - 0.51);
          g_assert_cmpfloat (rects[r]->x + rects[r]->width, <=, bar->hit.x + bar->hit.width + 0.51);
        }
      g_assert_cmpfloat (bar->target.x + bar->target.width, <=, bar->actual.x);
      g_assert_true (bar->met == (item->target > 0 && item->actual >= item->target));

      g_assert_cmpint (sp_attainment_layout_hit_test (&layout, bar->center_x, zero_y - 1), ==,
                       (int) i);
      g_assert_cmpint (sp_attainment_layout_hit_test (&layout, bar->actual.x + 0.5,
                                                      bar->actual.y + 0.5), ==, (int) i);
    }
  g_assert_cmpint (sp_attainment_layout_hit_test (&layout, 1, height / 2), ==, -1);
  g_assert_cmpint (sp_attainment_layout_hit_test (&layout, width / 2, height + 1), ==, -1);
}

static void
test_attainment_geometry (void)
{
  const struct { const SpAttainmentItem *items; guint n; } sets[] = {
    { month_items, G_N_ELEMENTS (month_items) },
    { edge_items, G_N_ELEMENTS (edge_items) },
    { big_items, G_N_ELEMENTS (big_items) },
    { one_item, G_N_ELEMENTS (one_item) },
    { chinese_items, G_N_ELEMENTS (chinese_items) },
  };
  const double sizes[][2] = { { 1024, 768 }, { 1920, 1080 }, { 640, 400 }, { 320, 240 } };

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          SpAttainmentData data = make_data (sets[s].items, sets[s].n,
                                             s % 2 ? "目标达成" : "Attainment by month");
          SpChartStyle style;

          sp_chart_style_init (&style, kind);
          check_layout (&data, &style, sizes[z][0], sizes[z][1]);
        }
}

/* 24 long Chinese names at 1024 wide: turned, every one or every other one shown, none cut
 * off by the chart's edge, none overlapping. */
static void
test_attainment_long_labels (void)
{
  SpAttainmentData data = make_data (chinese_items, G_N_ELEMENTS (chinese_items), "各区域目标达成");

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      g_auto(SpAttainmentLayout) layout = { 0 };
      SpChartStyle style;
      guint names = 0;
      double body_size;

      sp_chart_style_init (&style, kind);
      body_size = sp_chart_text_font_size (&style, SP_CHART_FONT_BODY);
      sp_attainment_chart_layout (&data, &style, NULL, 1024, 768, &layout);
      sp_chart_test_assert_labels (layout.labels, 1024, 768);
      g_assert_cmpint (layout.label_mode, ==, SP_ATTAINMENT_LABELS_ROTATED);
      g_assert_cmpuint (layout.label_step, >=, 1);
      g_assert_cmpuint (layout.label_step, <=, 2);

      for (guint i = 0; i < G_N_ELEMENTS (chinese_items); i++)
        {
          const SpChartLabel *label = sp_chart_test_find_label (layout.labels, (int) i,
                                                                chinese_items[i].label);

          g_assert_true ((label != NULL) == (i % layout.label_step == 0));
          if (label == NULL)
            continue;
          names++;
          /* Turned labels keep enough of the name to tell the regions apart. */
          g_assert_cmpfloat (label->width, >=, 4 * body_size);
          g_assert_cmpfloat (label->angle, !=, 0);
        }
      g_assert_cmpuint (names, ==,
                        (G_N_ELEMENTS (chinese_items) + layout.label_step - 1) / layout.label_step);
    }
}

static void
test_attainment_values (void)
{
  SpAttainmentData data = make_data (edge_items, G_N_ELEMENTS (edge_items), NULL);
  g_auto(SpAttainmentLayout) layout = { 0 };
  SpChartStyle style;
  char *text;

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  sp_attainment_chart_layout (&data, &style, NULL, 1024, 768, &layout);

  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 0, "104%"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 1, "—"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 2, "-20%"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 3, "320%"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, 1, "Li Na (new)"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Target"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Target met"));
  g_assert_true (isnan (layout.bars[1].attainment));
  g_assert_false (layout.bars[1].met);
  g_assert_cmpfloat (layout.bars[1].target.height, ==, 0);
  g_assert_cmpfloat_with_epsilon (layout.bars[3].attainment, 3.2, 1e-12);

  /* Returns larger than sales: the axis goes below zero and the bar hangs from the zero line. */
  g_assert_cmpfloat (layout.ticks.lower, <, 0);
  g_assert_cmpfloat_with_epsilon (layout.bars[2].actual.y, sp_chart_scale_map (&layout.scale, 0),
                                  0.51);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "¥0"));
  g_assert_true (sp_chart_test_find_label (layout.labels, -1, "-¥200K") != NULL
                 || sp_chart_test_find_label (layout.labels, -1, "-¥100K") != NULL);

  text = sp_attainment_format (105, 100);
  g_assert_cmpstr (text, ==, "105%");
  g_free (text);
  text = sp_attainment_format (996, 1000);
  g_assert_cmpstr (text, ==, "99%");
  g_free (text);
  text = sp_attainment_format (-123, 1000);
  g_assert_cmpstr (text, ==, "-12%");
  g_free (text);
  text = sp_attainment_format (5, 0);
  g_assert_cmpstr (text, ==, "—");
  g_free (text);
  text = sp_attainment_format (G_MAXINT64, G_GINT64_CONSTANT (1000000000000000000));
  g_assert_cmpstr (text, ==, "922%");
  g_free (text);
}

static void
test_attainment_pixels (void)
{
  SpAttainmentData data = make_data (month_items, G_N_ELEMENTS (month_items),
                                     "Attainment by month");

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      g_auto(SpAttainmentLayout) layout = { 0 };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
      cairo_t *cr = cairo_create (surface);
      SpChartStyle style;

      sp_chart_style_init (&style, kind);
      sp_attainment_chart_draw (cr, &data, &style, 1024, 768);
      sp_attainment_chart_layout (&data, &style, NULL, 1024, 768, &layout);

      sp_chart_test_assert_pixel (surface, 1, 1, &style.background);
      sp_chart_test_assert_pixel (surface, 1022, 766, &style.background);
      for (guint i = 0; i < layout.n_bars; i++)
        {
          const SpChartRect *actual = &layout.bars[i].actual;
          const SpChartRect *target = &layout.bars[i].target;

          sp_chart_test_assert_pixel (surface, (int) (actual->x + actual->width / 2),
                                      (int) (actual->y + actual->height / 2),
                                      layout.bars[i].met ? &style.positive : &style.series[0]);
          /* The target's outline, just inside its left edge. */
          sp_chart_test_assert_pixel (surface, (int) ceil (target->x),
                                      (int) (target->y + target->height / 2),
                                      &style.target);
        }

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_attainment_empty (void)
{
  SpAttainmentData data = make_data (NULL, 0, "Attainment");
  g_auto(SpAttainmentLayout) layout = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
  cairo_t *cr = cairo_create (surface);
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_DARK);
  sp_attainment_chart_draw (cr, &data, &style, 1024, 768);
  g_assert_cmpuint (sp_chart_test_count_other_pixels (surface, 412, 334, 200, 100,
                                                      &style.background), >, 50);
  sp_chart_test_write_png (surface, "attainment-empty-dark.png");

  sp_attainment_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_false (layout.show_legend);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No data"));
  g_assert_cmpint (sp_attainment_layout_hit_test (&layout, 512, 384), ==, -1);
  sp_attainment_layout_clear (&layout);

  /* Degenerate sizes and all-zero data draw without complaint. */
  data = make_data (edge_items, G_N_ELEMENTS (edge_items), "Attainment");
  for (double size = 0; size <= 60; size += 15)
    {
      sp_attainment_chart_layout (&data, &style, NULL, size, size * 0.75, &layout);
      sp_chart_test_assert_labels (layout.labels, size, size * 0.75);
      sp_attainment_layout_clear (&layout);
      sp_attainment_chart_draw (cr, &data, &style, size, size * 0.75);
    }
  {
    const SpAttainmentItem zeros[] = { { "A", 0, 0 }, { "B", 0, 0 } };

    data = make_data (zeros, G_N_ELEMENTS (zeros), NULL);
    check_layout (&data, &style, 800, 600);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
write_png (const SpAttainmentData *data,
           SpChartPaletteKind      kind,
           int                     width,
           int                     height,
           const char             *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *file = g_strdup_printf ("attainment-%s-%s-%dx%d.png", name,
                                           sp_chart_palette_to_string (kind), width, height);
  SpChartStyle style;

  sp_chart_style_init (&style, kind);
  sp_attainment_chart_draw (cr, data, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  sp_chart_test_write_png (surface, file);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Pictures for people to look at, in tests/charts/out/ of the build folder. */
static void
test_attainment_png (void)
{
  SpAttainmentData months = make_data (month_items, G_N_ELEMENTS (month_items),
                                       "Attainment by month");
  SpAttainmentData chinese = make_data (chinese_items, G_N_ELEMENTS (chinese_items),
                                        "各区域目标达成情况");
  SpAttainmentData edge = make_data (edge_items, G_N_ELEMENTS (edge_items), "Attainment by rep");
  SpAttainmentData big = make_data (big_items, G_N_ELEMENTS (big_items), "大区目标达成");
  SpAttainmentData one = make_data (one_item, G_N_ELEMENTS (one_item), "全年目标达成");

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      write_png (&months, kind, 1024, 768, "en");
      write_png (&chinese, kind, 1024, 768, "zh");
    }
  write_png (&months, SP_CHART_PALETTE_LIGHT, 1920, 1080, "en");
  write_png (&chinese, SP_CHART_PALETTE_PROJECTOR, 1920, 1080, "zh");
  write_png (&edge, SP_CHART_PALETTE_LIGHT, 1024, 768, "edge");
  write_png (&big, SP_CHART_PALETTE_PROJECTOR, 1024, 768, "big");
  write_png (&one, SP_CHART_PALETTE_LIGHT, 1024, 768, "one");
  write_png (&months, SP_CHART_PALETTE_LIGHT, 480, 320, "en-small");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_chart_test_init (argv[0]);
  make_chinese_items ();

  g_test_add_func ("/attainment-chart/geometry", test_attainment_geometry);
  g_test_add_func ("/attainment-chart/long-labels", test_attainment_long_labels);
  g_test_add_func ("/attainment-chart/values", test_attainment_values);
  g_test_add_func ("/attainment-chart/pixels", test_attainment_pixels);
  g_test_add_func ("/attainment-chart/empty", test_attainment_empty);
  g_test_add_func ("/attainment-chart/png", test_attainment_png);

  status = g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (chinese_names); i++)
    g_free (chinese_names[i]);
  g_free (sp_chart_test_dir);

  return status;
}
