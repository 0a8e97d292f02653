/* sp-chart-test-utils.h — helpers shared by the chart tests: output folder, pixels, labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "sp-chart-style.h"
#include "sp-chart-text.h"

static char *sp_chart_test_dir;

/* Call after g_test_init: the test program's folder (in the build tree), where out/ goes. */
static inline void
sp_chart_test_init (const char *argv0)
{
  sp_chart_test_dir = g_path_get_dirname (argv0);
}

/* tests/charts/out/@name in the build folder, the folder created. */
static inline char *
sp_chart_test_out_path (const char *name)
{
  g_autofree char *dir = g_build_filename (sp_chart_test_dir, "out", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static inline void
sp_chart_test_get_pixel (cairo_surface_t *surface,
                         int              x,
                         int              y,
                         SpChartColor    *out)
{
  const guchar *data;
  guint32 pixel;

  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  data = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  pixel = *(const guint32 *) (const void *) (data + x * 4);
  /* Opaque pixels: premultiplication changes nothing. */
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  out->red = ((pixel >> 16) & 0xff) / 255.0;
  out->green = ((pixel >> 8) & 0xff) / 255.0;
  out->blue = (pixel & 0xff) / 255.0;
}

static inline void
sp_chart_test_assert_pixel (cairo_surface_t    *surface,
                            int                 x,
                            int                 y,
                            const SpChartColor *expected)
{
  SpChartColor got;

  sp_chart_test_get_pixel (surface, x, y, &got);
  if (fabs (got.red - expected->red) > 2.5 / 255
      || fabs (got.green - expected->green) > 2.5 / 255
      || fabs (got.blue - expected->blue) > 2.5 / 255)
    g_error ("pixel (%d, %d) is #%02x%02x%02x, expected #%02x%02x%02x", x, y,
             (int) round (got.red * 255), (int) round (got.green * 255),
             (int) round (got.blue * 255),
             (int) round (expected->red * 255), (int) round (expected->green * 255),
             (int) round (expected->blue * 255));
}

/* Pixels in the rectangle that differ from @color. */
static inline guint
sp_chart_test_count_other_pixels (cairo_surface_t    *surface,
                                  int                 x0,
                                  int                 y0,
                                  int                 width,
                                  int                 height,
                                  const SpChartColor *color)
{
  guint n = 0;

  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      {
        SpChartColor got;

        sp_chart_test_get_pixel (surface, x, y, &got);
        if (fabs (got.red - color->red) > 2.5 / 255 || fabs (got.green - color->green) > 2.5 / 255
            || fabs (got.blue - color->blue) > 2.5 / 255)
          n++;
      }

  return n;
}

/* Separating axis test over both quads' edges, written apart from the library's own. */
static inline gboolean
sp_chart_test_quads_overlap (const double a[8],
                             const double b[8])
{
  const double *quads[2] = { a, b };

  for (guint q = 0; q < 2; q++)
    for (guint e = 0; e < 4; e++)
      {
        const double *p = quads[q];
        double nx = -(p[(2 * e + 3) % 8] - p[2 * e + 1]);
        double ny = p[(2 * e + 2) % 8] - p[2 * e];
        double amin = G_MAXDOUBLE, amax = -G_MAXDOUBLE, bmin = G_MAXDOUBLE, bmax = -G_MAXDOUBLE;
        double len = hypot (nx, ny);

        if (len == 0)
          continue;
        for (guint i = 0; i < 4; i++)
          {
            double pa = (a[2 * i] * nx + a[2 * i + 1] * ny) / len;
            double pb = (b[2 * i] * nx + b[2 * i + 1] * ny) / len;

            amin = MIN (amin, pa);
            amax = MAX (amax, pa);
            bmin = MIN (bmin, pb);
            bmax = MAX (bmax, pb);
          }
        if (amax <= bmin + 0.01 || bmax <= amin + 0.01)
          return FALSE;
      }

  return TRUE;
}

/* Every label inside the chart, no two overlapping, each with text. */
static inline void
sp_chart_test_assert_labels (GArray *labels,
                             double  width,
                             double  height)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const SpChartLabel *a = &g_array_index (labels, SpChartLabel, i);
      double ca[8];

      g_assert_nonnull (a->layout);
      g_assert_cmpfloat (a->width, >, 0);
      sp_chart_label_get_corners (a, ca);
      for (guint k = 0; k < 4; k++)
        {
          if (ca[2 * k] < -0.01 || ca[2 * k] > width + 0.01
              || ca[2 * k + 1] < -0.01 || ca[2 * k + 1] > height + 0.01)
            g_error ("label \"%s\" leaves the %gx%g chart at (%g, %g)",
                     pango_layout_get_text (a->layout), width, height, ca[2 * k], ca[2 * k + 1]);
        }

      for (guint j = 0; j < i; j++)
        {
          const SpChartLabel *b = &g_array_index (labels, SpChartLabel, j);
          double cb[8];

          sp_chart_label_get_corners (b, cb);
          if (sp_chart_test_quads_overlap (ca, cb))
            g_error ("labels \"%s\" and \"%s\" overlap", pango_layout_get_text (a->layout),
                     pango_layout_get_text (b->layout));
        }
    }
}

/* The label of @item whose text is @text, or NULL. */
static inline const SpChartLabel *
sp_chart_test_find_label (GArray     *labels,
                          int         item,
                          const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const SpChartLabel *label = &g_array_index (labels, SpChartLabel, i);

      if (label->item == item && g_strcmp0 (pango_layout_get_text (label->layout), text) == 0)
        return label;
    }

  return NULL;
}

static inline guint
sp_chart_test_count_item_labels (GArray *labels,
                                 int     item)
{
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    if (g_array_index (labels, SpChartLabel, i).item == item)
      n++;

  return n;
}

static inline void
sp_chart_test_write_png (cairo_surface_t *surface,
                         const char      *name)
{
  g_autofree char *path = sp_chart_test_out_path (name);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

/* Runs @argv; skips the test (returns FALSE) when its program is not installed. */
static inline gboolean
sp_chart_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (message);
      return FALSE;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return TRUE;
}

static inline void
sp_chart_test_assert_file_not_empty (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("%s was not written", path);
  g_assert_cmpint (st.st_size, >, 0);
}
