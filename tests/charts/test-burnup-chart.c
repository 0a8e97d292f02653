/* test-burnup-chart.c — burn-up: exact figures, line geometry, labels, hit test, pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sp-burnup-chart.h"
#include "sp-chart-test-utils.h"

#define YUAN(x) ((gint64) (x) * 100)

/* March: 31 days, 18 done, running behind a ¥12M target. */
static gint64 march[31];
/* A quarter of 90 days, 90 done, the target of ¥1,000,000,000 missed. */
static gint64 quarter[90];
/* Ahead: the target reached on day 20 of 30. */
static gint64 ahead[20];
/* Returns larger than sales early on: the cumulative actual dips below zero. */
static const gint64 returns[] = { -YUAN (50000), -YUAN (20000), YUAN (10000), YUAN (90000),
                                  YUAN (120000) };

static void
make_days (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (march); i++)
    march[i] = YUAN (280000 + 61000 * (i % 5) - 30000 * (i % 3) + (i % 7 == 6 ? -150000 : 0));
  for (guint i = 0; i < G_N_ELEMENTS (quarter); i++)
    quarter[i] = YUAN (9000000 + 1300000 * (i % 4)) + 37;
  for (guint i = 0; i < G_N_ELEMENTS (ahead); i++)
    ahead[i] = YUAN (30000 + 4000 * (i % 6));
}

typedef struct
{
  GDateMonth month;
  guint      day;
  gboolean   chinese;
} DayFormat;

static char *
format_day (double   value,
            gpointer user_data)
{
  static const char * const months[] = { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                         "Aug", "Sep", "Oct", "Nov", "Dec" };
  const DayFormat *format = user_data;
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) format->day, format->month, 2025);

  /* The end of day @value is that day's date. */
  g_date_add_days (date, (guint) value - 1);
  if (format->chinese)
    return g_strdup_printf ("%d月%d日", g_date_get_month (date), g_date_get_day (date));

  return g_strdup_printf ("%s %d", months[g_date_get_month (date)], g_date_get_day (date));
}

static const DayFormat march_en = { G_DATE_MARCH, 1, FALSE };
static const DayFormat march_zh = { G_DATE_MARCH, 1, TRUE };

static SpBurnupData
make_data (gint64        target,
           guint         total_days,
           const gint64 *daily,
           guint         elapsed_days,
           const char   *title)
{
  SpBurnupData data = { 0 };

  data.title = title;
  data.target = target;
  data.total_days = total_days;
  data.elapsed_days = elapsed_days;
  data.daily_actual = daily;
  data.format_amount = sp_chart_format_money;
  data.format_data = (gpointer) sp_currency_lookup ("CNY");

  return data;
}

/* actual × total / elapsed, rounded half away from zero, by plain integer division. */
static gint64
expected_projection (gint64 actual,
                     guint  total,
                     guint  elapsed)
{
  gint64 product = actual * (gint64) total;
  gint64 q = product / elapsed, r = product % elapsed;

  if (2 * (r < 0 ? -r : r) >= (gint64) elapsed)
    q += product < 0 ? -1 : 1;

  return q;
}

static void
assert_point (const SpBurnupLayout *layout,
              const SpChartPoint   *point,
              double                day,
              double                value)
{
  g_assert_cmpfloat_with_epsilon (sp_chart_scale_invert (&layout->x_scale, point->x), day, 1e-9);
  g_assert_cmpfloat_with_epsilon (sp_chart_scale_invert (&layout->y_scale, point->y), value,
                                  MAX (1e-9 * fabs (value), 1e-6));
}

static void
check_layout (const SpBurnupData *data,
              const SpChartStyle *style,
              double              width,
              double              height)
{
  g_auto(SpBurnupLayout) layout = { 0 };
  gint64 actual = 0, gap;
  const SpChartRect *plot;

  sp_burnup_chart_layout (data, style, NULL, width, height, &layout);
  sp_chart_test_assert_labels (layout.labels, width, height);
  plot = &layout.plot;

  for (guint i = 0; i < data->elapsed_days; i++)
    actual += data->daily_actual[i];
  g_assert_cmpint (layout.actual, ==, actual);
  g_assert_cmpuint (layout.remaining_days, ==, data->total_days - data->elapsed_days);

  /* The projection: exactly the run rate so far over the whole period. */
  if (data->elapsed_days > 0)
    {
      g_assert_cmpint (layout.projected, ==,
                       expected_projection (actual, data->total_days, data->elapsed_days));
      g_assert_cmpint (llabs (layout.projected * (gint64) data->elapsed_days
                              - actual * (gint64) data->total_days), <=,
                       (gint64) data->elapsed_days / 2);
    }
  g_assert_true (layout.has_projection
                 == (data->elapsed_days > 0 && data->elapsed_days < data->total_days));

  /* Still needed per day: ceil of the gap over the remaining days, in integers. */
  gap = data->target - actual;
  if (data->target <= 0)
    g_assert_cmpint (layout.status, ==, SP_BURNUP_NO_TARGET);
  else if (gap <= 0)
    {
      g_assert_cmpint (layout.status, ==, SP_BURNUP_TARGET_MET);
      g_assert_cmpint (layout.needed_per_day, ==, 0);
    }
  else if (layout.remaining_days == 0)
    {
      g_assert_cmpint (layout.status, ==, SP_BURNUP_NO_DAYS_LEFT);
      g_assert_cmpint (layout.shortfall, ==, gap);
    }
  else
    {
      gint64 rem = layout.remaining_days;

      g_assert_cmpint (layout.status, ==, SP_BURNUP_NEEDED);
      g_assert_cmpint (layout.needed_per_day, ==, (gap + rem - 1) / rem);
      g_assert_cmpint (layout.needed_per_day * rem, >=, gap);
      g_assert_cmpint ((layout.needed_per_day - 1) * rem, <, gap);
    }

  if (plot->width <= 0 || plot->height <= 0)
    return;

  /* Scales: the period across the plot, the value ticks up it. */
  g_assert_cmpfloat_with_epsilon (sp_chart_scale_map (&layout.x_scale, 0), plot->x, 1e-9);
  g_assert_cmpfloat_with_epsilon (sp_chart_scale_map (&layout.x_scale, data->total_days),
                                  plot->x + plot->width, 1e-9);
  g_assert_cmpfloat (layout.value_ticks.lower, <=, MIN (0, (double) actual));
  g_assert_cmpfloat (layout.value_ticks.upper, >=, (double) MAX (data->target, layout.projected));
  for (guint i = 0; i < layout.day_ticks.n_ticks; i++)
    g_assert_cmpfloat (layout.day_ticks.values[i], <=, data->total_days);

  /* Target line from (start, 0) to (end, target); projection from today to the end. */
  assert_point (&layout, &layout.target_line.start, 0, 0);
  assert_point (&layout, &layout.target_line.end, data->total_days, (double) data->target);
  assert_point (&layout, &layout.projection.start, data->elapsed_days, (double) actual);
  assert_point (&layout, &layout.projection.end, data->total_days, (double) layout.projected);

  /* The cumulative actual: one point per day's end, inside the plot. */
  g_assert_cmpuint (layout.n_points, ==, data->elapsed_days + 1);
  actual = 0;
  for (guint i = 0; i < layout.n_points; i++)
    {
      const SpChartPoint *p = &layout.points[i];

      if (i > 0)
        actual += data->daily_actual[i - 1];
      assert_point (&layout, p, i, (double) actual);
      g_assert_cmpfloat (p->x, >=, plot->x - 1e-6);
      g_assert_cmpfloat (p->x, <=, plot->x + plot->width + 1e-6);
      g_assert_cmpfloat (p->y, >=, plot->y - 1e-6);
      g_assert_cmpfloat (p->y, <=, plot->y + plot->height + 1e-6);
    }

  /* Hit test: the day under the pointer. */
  for (guint d = 0; d < data->total_days; d += MAX (data->total_days / 7, 1))
    {
      double x = sp_chart_scale_map (&layout.x_scale, d + 0.5);

      g_assert_cmpint (sp_burnup_layout_hit_test (&layout, x, plot->y + plot->height / 2), ==,
                       (int) d);
    }
  g_assert_cmpint (sp_burnup_layout_hit_test (&layout, plot->x - 1, plot->y + 1), ==, -1);
  g_assert_cmpint (sp_burnup_layout_hit_test (&layout, plot->x + 1, height + 5), ==, -1);
}

static void
test_burnup_geometry (void)
{
  const double sizes[][2] = { { 1024, 768 }, { 1920, 1080 }, { 640, 400 }, { 320, 240 } };
  SpBurnupData sets[] = {
    make_data (YUAN (12000000), 31, march, 18, "March burn-up"),
    make_data (YUAN (12000000), 31, march, 1, "三月累计进度"),
    make_data (YUAN (1000000000), 90, quarter, 90, "Q1 2025"),
    make_data (YUAN (600000), 30, ahead, 20, "Ahead"),
    make_data (YUAN (600000), 30, ahead, 0, "Not started"),
    make_data (YUAN (300000), 10, returns, 5, "退货 Returns"),
    make_data (0, 10, returns, 5, NULL),
    make_data (YUAN (400000), 1, ahead, 1, "One day"),
    make_data (YUAN (400000), 1, ahead, 0, "One day, not started"),
  };

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          SpChartStyle style;

          sp_chart_style_init (&style, kind);
          sets[s].format_day = s % 2 ? format_day : NULL;
          sets[s].format_day_data = (gpointer) &march_zh;
          check_layout (&sets[s], &style, sizes[z][0], sizes[z][1]);
        }
}

/* The figures and what the labels say about them. */
static void
test_burnup_figures (void)
{
  static const gint64 days[] = { 100, 200, 301 };
  SpBurnupData data = make_data (1000, 10, days, 3, NULL);
  g_auto(SpBurnupLayout) layout = { 0 };
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  data.format_amount = NULL;

  /* 601 of 1000 after 3 of 10 days: projection 601 × 10 / 3 = 2003.33 → 2003; still needed
   * (1000 − 601) / 7 = 57 exactly. */
  sp_burnup_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpint (layout.actual, ==, 601);
  g_assert_cmpint (layout.projected, ==, 2003);
  g_assert_cmpint (layout.needed_per_day, ==, 57);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "57"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "7 days left"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "60% of target"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "2,003"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Today"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Still needed per day"));
  sp_burnup_layout_clear (&layout);

  /* One unit more to go over 7 days still needs 1 a day. */
  data.target = 602;
  sp_burnup_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpint (layout.needed_per_day, ==, 1);
  sp_burnup_layout_clear (&layout);

  /* 1000 − 601 = 399 over 1 day left. */
  data.target = 1000;
  data.total_days = 4;
  sp_burnup_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpint (layout.needed_per_day, ==, 399);
  g_assert_cmpint (layout.projected, ==, 801);   /* 601 × 4 / 3 = 801.33 */
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "1 day left"));
  sp_burnup_layout_clear (&layout);

  /* Target met: nothing more needed, and the chart says so. */
  data.target = 601;
  data.total_days = 10;
  sp_burnup_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpint (layout.status, ==, SP_BURNUP_TARGET_MET);
  g_assert_cmpint (layout.needed_per_day, ==, 0);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Target reached"));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "0"));
  sp_burnup_layout_clear (&layout);

  /* No days left, target missed: no rate, the shortfall instead. */
  data.target = 1000;
  data.total_days = 3;
  sp_burnup_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpint (layout.status, ==, SP_BURNUP_NO_DAYS_LEFT);
  g_assert_cmpint (layout.remaining_days, ==, 0);
  g_assert_cmpint (layout.shortfall, ==, 399);
  g_assert_cmpint (layout.projected, ==, 601);
  g_assert_false (layout.has_projection);
  g_assert_true (isnan (layout.today_x));
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No days left, 399 short"));
  sp_burnup_layout_clear (&layout);

  /* Not started: the whole target over the whole period. */
  data.elapsed_days = 0;
  data.total_days = 7;
  sp_burnup_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_cmpint (layout.needed_per_day, ==, 143);   /* ceil (1000 / 7) */
  g_assert_false (layout.has_projection);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "Not started yet"));
  sp_burnup_layout_clear (&layout);

  /* ¥1,000,000,000 over a quarter, with cents that do not divide evenly. */
  data = make_data (YUAN (1000000000), 90, quarter, 45, NULL);
  sp_burnup_chart_layout (&data, &style, NULL, 1920, 1080, &layout);
  {
    gint64 actual = 0, gap;

    for (guint i = 0; i < 45; i++)
      actual += quarter[i];
    gap = YUAN (1000000000) - actual;
    g_assert_cmpint (layout.needed_per_day, ==, gap / 45 + (gap % 45 != 0));
    g_assert_cmpint (layout.projected, ==, expected_projection (actual, 90, 45));
    g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "¥1B"));
  }
}

static void
test_burnup_pixels (void)
{
  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      /* Far behind, so that the target line stands alone near the period's end. */
      SpBurnupData data = make_data (YUAN (30000000), 31, march, 18, "March");
      g_auto(SpBurnupLayout) layout = { 0 };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
      cairo_t *cr = cairo_create (surface);
      const SpBurnupLine *line;
      SpChartStyle style;
      double x, y, t;

      sp_chart_style_init (&style, kind);
      sp_burnup_chart_draw (cr, &data, &style, 1024, 768);
      sp_burnup_chart_layout (&data, &style, NULL, 1024, 768, &layout);

      sp_chart_test_assert_pixel (surface, 1, 1, &style.background);
      sp_chart_test_assert_pixel (surface, 1022, 766, &style.background);

      /* On the target line at 90% of the period. */
      line = &layout.target_line;
      x = floor (line->start.x + 0.9 * (line->end.x - line->start.x)) + 0.5;
      t = (x - line->start.x) / (line->end.x - line->start.x);
      y = line->start.y + t * (line->end.y - line->start.y);
      sp_chart_test_assert_pixel (surface, (int) x, (int) y, &style.target);

      /* On the actual line, half way along a day's segment in the middle of the month. */
      x = floor ((layout.points[9].x + layout.points[10].x) / 2) + 0.5;
      t = (x - layout.points[9].x) / (layout.points[10].x - layout.points[9].x);
      y = layout.points[9].y + t * (layout.points[10].y - layout.points[9].y);
      sp_chart_test_assert_pixel (surface, (int) x, (int) y, &style.series[1]);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_burnup_empty (void)
{
  SpBurnupData data = make_data (YUAN (100000), 0, NULL, 0, "Burn-up");
  g_auto(SpBurnupLayout) layout = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 768);
  cairo_t *cr = cairo_create (surface);
  SpChartStyle style;

  sp_chart_style_init (&style, SP_CHART_PALETTE_HIGH_CONTRAST);
  sp_burnup_chart_draw (cr, &data, &style, 1024, 768);
  sp_chart_test_assert_pixel (surface, 1, 1, &style.background);
  g_assert_cmpuint (sp_chart_test_count_other_pixels (surface, 412, 334, 200, 100,
                                                      &style.background), >, 50);
  sp_chart_test_write_png (surface, "burnup-empty-high-contrast.png");

  sp_burnup_chart_layout (&data, &style, NULL, 1024, 768, &layout);
  g_assert_nonnull (sp_chart_test_find_label (layout.labels, -1, "No data"));
  g_assert_false (layout.show_legend);
  g_assert_cmpint (sp_burnup_layout_hit_test (&layout, 512, 384), ==, -1);
  sp_burnup_layout_clear (&layout);

  /* Degenerate sizes draw without complaint. */
  data = make_data (YUAN (12000000), 31, march, 18, "March");
  for (double size = 0; size <= 60; size += 15)
    {
      sp_burnup_chart_layout (&data, &style, NULL, size, size * 0.75, &layout);
      sp_chart_test_assert_labels (layout.labels, size, size * 0.75);
      sp_burnup_layout_clear (&layout);
      sp_burnup_chart_draw (cr, &data, &style, size, size * 0.75);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
write_png (const SpBurnupData *data,
           SpChartPaletteKind  kind,
           int                 width,
           int                 height,
           const char         *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *file = g_strdup_printf ("burnup-%s-%s-%dx%d.png", name,
                                           sp_chart_palette_to_string (kind), width, height);
  SpChartStyle style;

  sp_chart_style_init (&style, kind);
  sp_burnup_chart_draw (cr, data, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  sp_chart_test_write_png (surface, file);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Pictures for people to look at, in tests/charts/out/ of the build folder. */
static void
test_burnup_png (void)
{
  SpBurnupData en = make_data (YUAN (12000000), 31, march, 18, "March revenue");
  SpBurnupData zh = make_data (YUAN (12000000), 31, march, 18, "三月销售额累计进度");
  SpBurnupData met = make_data (YUAN (600000), 30, ahead, 20, "April: target reached");
  SpBurnupData over = make_data (YUAN (1000000000), 90, quarter, 90, "Q1 2025 (period over)");
  SpBurnupData fresh = make_data (YUAN (12000000), 31, march, 0, "March (not started)");

  en.format_day = met.format_day = over.format_day = fresh.format_day = format_day;
  en.format_day_data = met.format_day_data = over.format_day_data = (gpointer) &march_en;
  fresh.format_day_data = (gpointer) &march_en;
  zh.format_day = format_day;
  zh.format_day_data = (gpointer) &march_zh;

  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      write_png (&en, kind, 1024, 768, "en");
      write_png (&zh, kind, 1024, 768, "zh");
    }
  write_png (&en, SP_CHART_PALETTE_LIGHT, 1920, 1080, "en");
  write_png (&zh, SP_CHART_PALETTE_PROJECTOR, 1920, 1080, "zh");
  write_png (&met, SP_CHART_PALETTE_LIGHT, 1024, 768, "met");
  write_png (&over, SP_CHART_PALETTE_PROJECTOR, 1024, 768, "over");
  write_png (&fresh, SP_CHART_PALETTE_DARK, 1024, 768, "fresh");
  write_png (&en, SP_CHART_PALETTE_LIGHT, 480, 320, "en-small");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_chart_test_init (argv[0]);
  make_days ();

  g_test_add_func ("/burnup-chart/geometry", test_burnup_geometry);
  g_test_add_func ("/burnup-chart/figures", test_burnup_figures);
  g_test_add_func ("/burnup-chart/pixels", test_burnup_pixels);
  g_test_add_func ("/burnup-chart/empty", test_burnup_empty);
  g_test_add_func ("/burnup-chart/png", test_burnup_png);

  status = g_test_run ();
  g_free (sp_chart_test_dir);

  return status;
}
