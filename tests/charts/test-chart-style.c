/* test-chart-style.c — every palette is legible: text and series against the background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-chart-style.h"

static void
test_chart_style_contrast (void)
{
  for (guint kind = SP_CHART_PALETTE_LIGHT; kind <= SP_CHART_PALETTE_PROJECTOR; kind++)
    {
      SpChartStyle style;
      /* WCAG AA for text; series are large marks (3:1), the strict palettes ask for 4.5:1. */
      double series_min = kind >= SP_CHART_PALETTE_HIGH_CONTRAST ? 4.5 : 3.0;

      sp_chart_style_init (&style, kind);
      g_assert_cmpfloat (sp_chart_color_contrast (&style.foreground, &style.background), >=, 7.0);
      g_assert_cmpfloat (sp_chart_color_contrast (&style.target, &style.background), >=, 3.0);
      for (guint i = 0; i < SP_CHART_N_SERIES; i++)
        {
          double ratio = sp_chart_color_contrast (&style.series[i], &style.background);

          if (ratio < series_min)
            g_error ("palette %s series %u: contrast %.2f < %.1f",
                     sp_chart_palette_to_string (kind), i, ratio, series_min);
        }
    }
}

static void
test_chart_style_names (void)
{
  SpChartPaletteKind kind;
  SpChartStyle style;

  g_assert_true (sp_chart_palette_from_string ("projector", &kind));
  g_assert_cmpint (kind, ==, SP_CHART_PALETTE_PROJECTOR);
  g_assert_false (sp_chart_palette_from_string ("neon", &kind));
  g_assert_cmpstr (sp_chart_palette_to_string (SP_CHART_PALETTE_HIGH_CONTRAST), ==, "high-contrast");

  sp_chart_style_init (&style, SP_CHART_PALETTE_PROJECTOR);
  g_assert_cmpfloat (style.font_scale, >, 1.0);
  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  g_assert_cmpfloat (style.font_scale, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (sp_chart_color_contrast (&style.background, &style.background), 1.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-style/contrast", test_chart_style_contrast);
  g_test_add_func ("/chart-style/names", test_chart_style_names);

  return g_test_run ();
}
