/* sp-breakdown-export.c — every cell of a breakdown as CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-breakdown-private.h"
#include "sp-csv.h"
#include "sp-money.h"

#define FLUSH_BYTES (64 * 1024)

static const char * const csv_header[] = {
  "dimension", "member_id", "member", "parent_id", "period", "index", "period_start",
  "first_day", "last_day", "amount", "locked", "weight_source", "weight", "last_year",
  "growth_percent",
};

/* Minor units as a plain decimal in major units, "-1234.56": the same in every locale. */
static char *
format_units (gint64 amount,
              guint  digits)
{
  guint64 magnitude = amount < 0 ? -(guint64) amount : (guint64) amount;
  guint64 scale = 1;

  if (digits == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, amount);

  for (guint i = 0; i < digits; i++)
    scale *= 10;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, amount < 0 ? "-" : "",
                          magnitude / scale, (int) digits, magnitude % scale);
}

static char *
format_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return sp_date_format_iso (&date);
}

static const SpCurrency *
workspace_currency (SpStore *store)
{
  g_autofree char *code = sp_store_get_setting (store, "currency");
  const SpCurrency *currency = code ? sp_currency_lookup (code) : NULL;

  return currency ? currency : sp_currency_lookup ("CNY");
}

static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
json_cell (GString               *out,
           const SpBreakdownCell *cell,
           const char            *name,
           gboolean               first)
{
  g_autofree char *start = format_julian (cell->period_start);
  g_autofree char *first_day = format_julian (cell->first_day);
  g_autofree char *last_day = format_julian (cell->last_day);

  g_string_append_printf (out, "%s\n    {\"dimension\": \"%s\", \"member_id\": %" G_GINT64_FORMAT
                          ", \"member\": ", first ? "" : ",",
                          sp_breakdown_dimension_to_string (cell->dimension), cell->member_id);
  json_string (out, name);
  g_string_append_printf (out, ", \"parent_id\": %" G_GINT64_FORMAT ", \"period\": \"%s\","
                          " \"index\": %u, \"period_start\": \"%s\", \"first_day\": \"%s\","
                          " \"last_day\": \"%s\", \"amount\": %" G_GINT64_FORMAT ","
                          " \"locked\": %s, \"weight_source\": \"%s\", \"weight\": ",
                          cell->parent_id, sp_breakdown_period_to_string (cell->period),
                          cell->index, start, first_day, last_day, cell->amount,
                          cell->locked ? "true" : "false",
                          sp_weight_source_to_string (cell->weight_source));
  if (cell->weight < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, cell->weight);
  g_string_append_printf (out, ", \"last_year\": %" G_GINT64_FORMAT ", \"growth_bp\": ",
                          cell->last_year);
  if (cell->has_growth)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "}", cell->growth_bp);
  else
    g_string_append (out, "null}");
}

static gboolean
csv_cell (SpCsvWriter            *writer,
          const SpBreakdownCell  *cell,
          const char             *name,
          guint                   digits,
          GCancellable           *cancellable,
          GError                **error)
{
  g_autofree char *member_id = g_strdup_printf ("%" G_GINT64_FORMAT, cell->member_id);
  g_autofree char *parent_id = g_strdup_printf ("%" G_GINT64_FORMAT, cell->parent_id);
  g_autofree char *index = g_strdup_printf ("%u", cell->index);
  g_autofree char *start = format_julian (cell->period_start);
  g_autofree char *first_day = format_julian (cell->first_day);
  g_autofree char *last_day = format_julian (cell->last_day);
  g_autofree char *amount = format_units (cell->amount, digits);
  g_autofree char *weight = cell->weight < 0 ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT,
                                                                         cell->weight);
  g_autofree char *last_year = format_units (cell->last_year, digits);
  g_autofree char *growth = cell->has_growth ? format_units (cell->growth_bp, 2) : NULL;
  const char *fields[] = {
    sp_breakdown_dimension_to_string (cell->dimension), member_id, name, parent_id,
    sp_breakdown_period_to_string (cell->period), index, start, first_day, last_day, amount,
    cell->locked ? "1" : "0", sp_weight_source_to_string (cell->weight_source), weight,
    last_year, growth,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (csv_header));

  return sp_csv_writer_write_row (writer, fields, G_N_ELEMENTS (fields), cancellable, error);
}

static gboolean
flush_json (GOutputStream  *stream,
            GString        *buffer,
            GCancellable   *cancellable,
            GError        **error)
{
  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (buffer, 0);
  return TRUE;
}

static gboolean
export_periods (SpBreakdown              *self,
                SpBreakdownExportFormat   format,
                SpBreakdownExportFlags    flags,
                SpBreakdownPeriod         first_period,
                SpBreakdownPeriod         last_period,
                GOutputStream            *stream,
                GCancellable             *cancellable,
                GError                  **error)
{
  SpBdModel *model;
  SpBdHistory *history;
  const SpCurrency *currency;
  g_autoptr(SpCsvWriter) writer = NULL;
  g_autoptr(GString) json = NULL;
  g_autofree gint64 *days = NULL;
  gboolean first = TRUE;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  model = sp_breakdown_get_model (self, error);
  history = model ? sp_breakdown_get_history (self, error) : NULL;
  if (history == NULL)
    return FALSE;

  currency = workspace_currency (sp_breakdown_get_store (self));
  days = g_new0 (gint64, model->layout->n_days);

  if (format == SP_BREAKDOWN_EXPORT_CSV)
    {
      writer = sp_csv_writer_new (stream, (flags & SP_BREAKDOWN_EXPORT_BOM)
                                          ? SP_CSV_WRITE_BOM : SP_CSV_WRITE_DEFAULT);
      if (!sp_csv_writer_write_row (writer, csv_header, G_N_ELEMENTS (csv_header), cancellable,
                                    error))
        return FALSE;
    }
  else
    {
      json = g_string_new (NULL);
      g_string_append_printf (json, "{\n  \"plan_id\": %" G_GINT64_FORMAT ",\n"
                              "  \"fiscal_year\": %d,\n  \"currency\": \"%s\",\n"
                              "  \"minor_unit_digits\": %u,\n  \"cells\": [",
                              sp_breakdown_get_plan_id (self),
                              sp_breakdown_get_fiscal_year (self), currency->code,
                              currency->digits);
    }

  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    {
      SpBdSeries *series = sp_bd_series (model, s);
      g_autofree char *name = sp_breakdown_dup_member_name (self, series->dimension,
                                                            series->member_id);

      if (last_period == SP_BREAKDOWN_PERIOD_DAY)
        sp_bd_series_days (model, s, days);

      for (guint period = first_period; period <= last_period; period++)
        for (guint i = 0; i < sp_bd_layout_n_periods (model->layout, period); i++)
          {
            SpBreakdownCell cell;

            sp_bd_fill_cell (model, history, s, period, i, days, &cell);
            if (writer != NULL)
              {
                if (!csv_cell (writer, &cell, name ? name : "", currency->digits, cancellable, error))
                  return FALSE;
              }
            else
              {
                json_cell (json, &cell, name ? name : "", first);
                if (json->len >= FLUSH_BYTES && !flush_json (stream, json, cancellable, error))
                  return FALSE;
              }
            first = FALSE;
          }
    }

  if (writer != NULL)
    return sp_csv_writer_flush (writer, cancellable, error);

  g_string_append (json, "\n  ]\n}\n");
  return flush_json (stream, json, cancellable, error);
}

gboolean
sp_breakdown_export (SpBreakdown              *self,
                     SpBreakdownExportFormat   format,
                     SpBreakdownExportFlags    flags,
                     GOutputStream            *stream,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  return export_periods (self, format, flags, SP_BREAKDOWN_PERIOD_YEAR,
                         (flags & SP_BREAKDOWN_EXPORT_DAYS) ? SP_BREAKDOWN_PERIOD_DAY
                                                            : SP_BREAKDOWN_PERIOD_WEEK,
                         stream, cancellable, error);
}

gboolean
sp_breakdown_export_level (SpBreakdown              *self,
                           SpBreakdownExportFormat   format,
                           SpBreakdownExportFlags    flags,
                           SpBreakdownPeriod         period,
                           GOutputStream            *stream,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_return_val_if_fail (period <= SP_BREAKDOWN_PERIOD_DAY, FALSE);

  return export_periods (self, format, flags, period, period, stream, cancellable, error);
}
