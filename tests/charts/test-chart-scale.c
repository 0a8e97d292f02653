/* test-chart-scale.c — nice ticks, linear scales, label formatters and label boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sp-chart-scale.h"
#include "sp-chart-test-utils.h"

static void
assert_ticks (const SpChartTicks *ticks,
              const double       *expected,
              guint               n_expected)
{
  g_assert_cmpuint (ticks->n_ticks, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpfloat_with_epsilon (ticks->values[i], expected[i],
                                    fabs (expected[i]) * 1e-12 + 1e-12);
  g_assert_cmpfloat (ticks->lower, ==, ticks->values[0]);
  g_assert_cmpfloat (ticks->upper, ==, ticks->values[n_expected - 1]);
}

static void
test_ticks_examples (void)
{
  SpChartTicks ticks;

  sp_chart_ticks_compute (&ticks, 0, 1, 6, SP_CHART_TICKS_DEFAULT);
  assert_ticks (&ticks, (const double[]) { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }, 6);
  g_assert_cmpfloat_with_epsilon (ticks.step, 0.2, 1e-15);

  /* Money in minor units: never a fraction of a cent. */
  sp_chart_ticks_compute (&ticks, 0, 1, 6, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 1 }, 2);

  sp_chart_ticks_compute (&ticks, 0, 97, 6, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 20, 40, 60, 80, 100 }, 6);

  sp_chart_ticks_compute (&ticks, 0, 97, 11, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 11);

  /* ¥10,000,000 in fen: 0, ¥2.5M, ¥5M, … */
  sp_chart_ticks_compute (&ticks, 0, 1e9, 5, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 2.5e8, 5e8, 7.5e8, 1e9 }, 5);
  sp_chart_ticks_compute (&ticks, 0, 1e9, 6, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 2e8, 4e8, 6e8, 8e8, 1e9 }, 6);
  sp_chart_ticks_compute (&ticks, 0, 9.7e8, 4, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 5e8, 1e9 }, 3);

  /* ¥1,000,000,000 in fen. */
  sp_chart_ticks_compute (&ticks, 0, 1e11, 6, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 2e10, 4e10, 6e10, 8e10, 1e11 }, 6);

  /* Negative ranges and ranges across zero keep zero as a tick. */
  sp_chart_ticks_compute (&ticks, -50, 100, 6, SP_CHART_TICKS_DEFAULT);
  assert_ticks (&ticks, (const double[]) { -50, 0, 50, 100 }, 4);
  sp_chart_ticks_compute (&ticks, -97, -3, 6, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { -100, -80, -60, -40, -20, 0 }, 6);
  sp_chart_ticks_compute (&ticks, -0.3, 0.05, 8, SP_CHART_TICKS_DEFAULT);
  assert_ticks (&ticks, (const double[]) { -0.3, -0.25, -0.2, -0.15, -0.1, -0.05, 0, 0.05 }, 8);
  sp_chart_ticks_compute (&ticks, -8e6, 9.6e7, 2, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { -1e8, 0, 1e8 }, 3);

  /* Empty and odd ranges. */
  sp_chart_ticks_compute (&ticks, 0, 0, 6, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 1 }, 2);
  sp_chart_ticks_compute (&ticks, 0, 0, 6, SP_CHART_TICKS_DEFAULT);
  assert_ticks (&ticks, (const double[]) { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }, 6);
  sp_chart_ticks_compute (&ticks, 500, 500, 6, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 100, 200, 300, 400, 500 }, 6);
  sp_chart_ticks_compute (&ticks, 100, 0, 3, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 50, 100 }, 3);
  sp_chart_ticks_compute (&ticks, NAN, 5, 3, SP_CHART_TICKS_INTEGER);
  assert_ticks (&ticks, (const double[]) { 0, 1 }, 2);
}

/* Over many ranges: the ticks cover the data, are evenly spaced by a nice step, are few
 * enough, and fill the room (the next smaller nice step would need too many). */
static void
test_ticks_properties (void)
{
  GRand *rand = g_rand_new_with_seed (20240229);

  for (guint iteration = 0; iteration < 20000; iteration++)
    {
      double scale = pow (10.0, g_rand_int_range (rand, -3, 12));
      double a = g_rand_double_range (rand, -1, 1) * scale;
      double b = g_rand_boolean (rand) ? g_rand_double_range (rand, -1, 1) * scale : 0;
      guint max_ticks = (guint) g_rand_int_range (rand, 2, SP_CHART_MAX_TICKS + 1);
      SpChartTicksFlags flags = g_rand_boolean (rand) ? SP_CHART_TICKS_INTEGER
                                                      : SP_CHART_TICKS_DEFAULT;
      double lo = MIN (a, b), hi = MAX (a, b);
      double magnitude, m;
      SpChartTicks ticks;

      sp_chart_ticks_compute (&ticks, a, b, max_ticks, flags);
      g_assert_cmpuint (ticks.n_ticks, >=, 2);
      g_assert_cmpuint (ticks.n_ticks, <=, MAX (max_ticks, lo < 0 && hi > 0 ? 3 : 2));
      g_assert_cmpfloat (ticks.lower, <=, lo + fabs (lo) * 1e-12);
      g_assert_cmpfloat (ticks.upper, >=, hi - fabs (hi) * 1e-12);
      if (flags & SP_CHART_TICKS_INTEGER)
        g_assert_cmpfloat (ticks.step, >=, 1);

      magnitude = pow (10.0, floor (log10 (ticks.step) + 1e-12));
      m = ticks.step / magnitude;
      g_assert_true (fabs (m - 1) < 1e-9 || fabs (m - 2) < 1e-9
                     || fabs (m - 2.5) < 1e-9 || fabs (m - 5) < 1e-9);
      for (guint i = 0; i < ticks.n_ticks; i++)
        {
          double k = ticks.values[i] / ticks.step;

          g_assert_cmpfloat (fabs (k - round (k)), <, 1e-6);
          if (i > 0)
            g_assert_cmpfloat_with_epsilon (ticks.values[i] - ticks.values[i - 1], ticks.step,
                                            ticks.step * 1e-6);
        }
      if (lo < 0 && hi > 0)
        {
          gboolean has_zero = FALSE;

          for (guint i = 0; i < ticks.n_ticks; i++)
            has_zero |= ticks.values[i] == 0.0;
          g_assert_true (has_zero);
        }
      /* Not wasteful: the data spans a good part of the axis. From zero, as for bars, more
       * than half; across zero, -1 0 1 2 for -0.01 … 1.01, a third; anywhere else a
       * quarter. (Fewer than four ticks, or an integer axis for data narrower than a few
       * units, cannot promise much.) */
      if (max_ticks >= 4 && hi - lo > 1e-9 * MAX (1.0, fabs (hi))
          && !(flags & SP_CHART_TICKS_INTEGER && hi - lo < 10))
        {
          double share = (hi - lo) / (ticks.upper - ticks.lower);

          if (lo == 0 || hi == 0)
            g_assert_cmpfloat (share, >, 0.5);
          else if (lo < 0 && hi > 0)
            g_assert_cmpfloat (share, >, 0.33);
          else
            g_assert_cmpfloat (share, >, 0.25);
        }
    }

  g_rand_free (rand);
}

static void
test_scale_map (void)
{
  SpChartScale scale;

  /* A vertical axis: 0 at the bottom (y = 500), 1,000 at the top (y = 100). */
  sp_chart_scale_init (&scale, 0, 1000, 500, 100);
  g_assert_cmpfloat (sp_chart_scale_map (&scale, 0), ==, 500);
  g_assert_cmpfloat (sp_chart_scale_map (&scale, 1000), ==, 100);
  g_assert_cmpfloat (sp_chart_scale_map (&scale, 250), ==, 400);
  g_assert_cmpfloat (sp_chart_scale_map (&scale, -250), ==, 600);
  g_assert_cmpfloat (sp_chart_scale_invert (&scale, 400), ==, 250);
  for (double v = -1000; v <= 2000; v += 37.5)
    g_assert_cmpfloat_with_epsilon (sp_chart_scale_invert (&scale, sp_chart_scale_map (&scale, v)),
                                    v, 1e-9);

  sp_chart_scale_init (&scale, 5, 5, 10, 20);
  g_assert_cmpfloat (sp_chart_scale_map (&scale, 7), ==, 10);
}

static void
assert_format (char       *text,
               const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_format (void)
{
  const SpCurrency *cny = sp_currency_lookup ("CNY");
  const SpCurrency *jpy = sp_currency_lookup ("JPY");

  assert_format (sp_chart_format_number (0, NULL), "0");
  assert_format (sp_chart_format_number (1234567, NULL), "1,234,567");
  assert_format (sp_chart_format_number (-1234, NULL), "-1,234");
  assert_format (sp_chart_format_number (0.25, NULL), "0.25");
  assert_format (sp_chart_format_number (0.1 + 0.2, NULL), "0.3");
  assert_format (sp_chart_format_number (-0.00001, NULL), "0");
  assert_format (sp_chart_format_number (999.5, NULL), "999.5");
  assert_format (sp_chart_format_number (NAN, NULL), "—");

  assert_format (sp_chart_format_money (0, (gpointer) cny), "¥0");
  assert_format (sp_chart_format_money (2.5e8, (gpointer) cny), "¥2.5M");
  assert_format (sp_chart_format_money (1e11, (gpointer) cny), "¥1B");
  assert_format (sp_chart_format_money (-2e7, (gpointer) cny), "-¥200K");
  assert_format (sp_chart_format_money (2.5e6, (gpointer) jpy), "JP¥2.5M");
  /* Far beyond gint64: clamped, not wrapped round to a negative amount. */
  {
    g_autofree char *huge = sp_chart_format_money (1e30, (gpointer) cny);

    g_assert_true (g_str_has_prefix (huge, "¥9"));
  }
  assert_format (sp_chart_format_money (1234, NULL), "1,234");

  assert_format (sp_chart_format_percent (0.423), "42.3%");
  assert_format (sp_chart_format_percent (1.2), "120.0%");
  assert_format (sp_chart_format_percent (0), "0.0%");
  assert_format (sp_chart_format_percent (1.0 / 12000), "<0.1%");
  assert_format (sp_chart_format_percent (NAN), "—");
}

/* Text: the projector's font is bigger, long Chinese names ellipsize to the width asked. */
static void
test_text (void)
{
  PangoContext *context = sp_chart_text_context_new ();
  const char *name = "华东区上海浦东新区重点客户事业部";
  SpChartStyle light, projector;
  PangoLayout *layout;
  double w, h, w_big, h_big;

  sp_chart_style_init (&light, SP_CHART_PALETTE_LIGHT);
  sp_chart_style_init (&projector, SP_CHART_PALETTE_PROJECTOR);
  g_assert_cmpfloat (sp_chart_text_font_size (&projector, SP_CHART_FONT_BODY), ==,
                     1.5 * sp_chart_text_font_size (&light, SP_CHART_FONT_BODY));

  layout = sp_chart_text_layout_new (context, &light, SP_CHART_FONT_BODY, name, 0);
  sp_chart_text_get_size (layout, &w, &h);
  g_assert_false (pango_layout_is_ellipsized (layout));
  /* Sixteen CJK characters are about sixteen ems: the CJK fallback font was found. */
  g_assert_cmpfloat (w, >, 12 * sp_chart_text_font_size (&light, SP_CHART_FONT_BODY));
  g_assert_cmpfloat (sp_chart_text_set_max_width (layout, 100), <=, 100);
  g_assert_true (pango_layout_is_ellipsized (layout));
  g_object_unref (layout);

  layout = sp_chart_text_layout_new (context, &projector, SP_CHART_FONT_BODY, name, 0);
  sp_chart_text_get_size (layout, &w_big, &h_big);
  g_assert_cmpfloat_with_epsilon (w_big / w, 1.5, 0.1);
  g_assert_cmpfloat_with_epsilon (h_big / h, 1.5, 0.1);
  g_object_unref (layout);

  layout = sp_chart_text_layout_new (context, &light, SP_CHART_FONT_BODY, name, 150);
  sp_chart_text_get_size (layout, &w, NULL);
  g_assert_cmpfloat (w, <=, 150);
  g_assert_cmpfloat (w, >, 100);
  g_object_unref (layout);

  g_assert_cmpfloat (sp_chart_text_line_height (context, &light, SP_CHART_FONT_TITLE), >,
                     sp_chart_text_line_height (context, &light, SP_CHART_FONT_SMALL));
  g_object_unref (context);
}

/* Turned boxes: parallel 45° labels whose axis-aligned boxes overlap do not overlap. */
static void
test_label_overlap (void)
{
  PangoContext *context = sp_chart_text_context_new ();
  SpChartStyle style;
  SpChartLabel a, b;
  SpChartRect ra, rb;
  double ca[8], cb[8];

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  sp_chart_label_init (&a, sp_chart_text_layout_new (context, &style, SP_CHART_FONT_BODY,
                                                     "华东区上海浦东新区", 0),
                       100, 100, &style.foreground, 0);
  sp_chart_label_init (&b, sp_chart_text_layout_new (context, &style, SP_CHART_FONT_BODY,
                                                     "华南区广州天河区", 0),
                       100 + a.height * 2, 100, &style.foreground, 1);
  a.angle = b.angle = -G_PI / 4;

  sp_chart_label_get_bounds (&a, &ra);
  sp_chart_label_get_bounds (&b, &rb);
  g_assert_true (sp_chart_rect_intersects (&ra, &rb));
  g_assert_false (sp_chart_labels_overlap (&a, &b));
  sp_chart_label_get_corners (&a, ca);
  sp_chart_label_get_corners (&b, cb);
  g_assert_false (sp_chart_test_quads_overlap (ca, cb));

  b.x = 100 + a.height / 2;
  g_assert_true (sp_chart_labels_overlap (&a, &b));
  sp_chart_label_get_corners (&b, cb);
  g_assert_true (sp_chart_test_quads_overlap (ca, cb));

  /* Unturned: touching edges do not overlap. */
  a.angle = b.angle = 0;
  b.x = a.x + a.width;
  b.y = a.y;
  g_assert_false (sp_chart_labels_overlap (&a, &b));
  b.x -= 1;
  g_assert_true (sp_chart_labels_overlap (&a, &b));

  sp_chart_label_clear (&a);
  sp_chart_label_clear (&b);
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_chart_test_init (argv[0]);

  g_test_add_func ("/chart-scale/ticks/examples", test_ticks_examples);
  g_test_add_func ("/chart-scale/ticks/properties", test_ticks_properties);
  g_test_add_func ("/chart-scale/map", test_scale_map);
  g_test_add_func ("/chart-scale/format", test_format);
  g_test_add_func ("/chart-scale/text", test_text);
  g_test_add_func ("/chart-scale/label-overlap", test_label_overlap);

  status = g_test_run ();
  g_free (sp_chart_test_dir);

  return status;
}
