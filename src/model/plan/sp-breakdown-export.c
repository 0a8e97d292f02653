/* sp-breakdown-export.c — every cell of a breakdown as CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-breakdown-private.h"
#include "sp-csv.h"
#include "sp-json.h"
#include "sp-money.h"

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
json_cell (SpJsonWriter          *json,
           const SpBreakdownCell *cell,
           const char            *name)
{
  g_autofree char *start = format_julian (cell->period_start);
  g_autofree char *first_day = format_julian (cell->first_day);
  g_autofree char *last_day = format_julian (cell->last_day);

  sp_json_writer_begin_object (json, SP_JSON_INLINE);
  sp_json_writer_key (json, "dimension");
  sp_json_writer_string (json, sp_breakdown_dimension_to_string (cell->dimension));
  sp_json_writer_key (json, "member_id");
  sp_json_writer_int (json, cell->member_id);
  sp_json_writer_key (json, "member");
  sp_json_writer_string (json, name);
  sp_json_writer_key (json, "parent_id");
  sp_json_writer_int (json, cell->parent_id);
  sp_json_writer_key (json, "period");
  sp_json_writer_string (json, sp_breakdown_period_to_string (cell->period));
  sp_json_writer_key (json, "index");
  sp_json_writer_int (json, cell->index);
  sp_json_writer_key (json, "period_start");
  sp_json_writer_string (json, start);
  sp_json_writer_key (json, "first_day");
  sp_json_writer_string (json, first_day);
  sp_json_writer_key (json, "last_day");
  sp_json_writer_string (json, last_day);
  sp_json_writer_key (json, "amount");
  sp_json_writer_int (json, cell->amount);
  sp_json_writer_key (json, "locked");
  sp_json_writer_boolean (json, cell->locked);
  sp_json_writer_key (json, "weight_source");
  sp_json_writer_string (json, sp_weight_source_to_string (cell->weight_source));
  sp_json_writer_key (json, "weight");
  if (cell->weight < 0)
    sp_json_writer_null (json);
  else
    sp_json_writer_int (json, cell->weight);
  sp_json_writer_key (json, "last_year");
  sp_json_writer_int (json, cell->last_year);
  sp_json_writer_key (json, "growth_bp");
  if (cell->has_growth)
    sp_json_writer_int (json, cell->growth_bp);
  else
    sp_json_writer_null (json);
  sp_json_writer_end_object (json);
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
  g_autoptr(SpJsonWriter) json = NULL;
  g_autofree gint64 *days = NULL;

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
      json = sp_json_writer_new (stream);
      sp_json_writer_begin_object (json, SP_JSON_BLOCK);
      sp_json_writer_key (json, "plan_id");
      sp_json_writer_int (json, sp_breakdown_get_plan_id (self));
      sp_json_writer_key (json, "fiscal_year");
      sp_json_writer_int (json, sp_breakdown_get_fiscal_year (self));
      sp_json_writer_key (json, "currency");
      sp_json_writer_string (json, currency->code);
      sp_json_writer_key (json, "minor_unit_digits");
      sp_json_writer_int (json, currency->digits);
      sp_json_writer_key (json, "cells");
      sp_json_writer_begin_array (json, SP_JSON_BLOCK);
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
                json_cell (json, &cell, name ? name : "");
                if (!sp_json_writer_flush (json, cancellable, error))
                  return FALSE;
              }
          }
    }

  if (writer != NULL)
    return sp_csv_writer_flush (writer, cancellable, error);

  sp_json_writer_end_array (json);
  sp_json_writer_end_object (json);
  return sp_json_writer_finish (json, cancellable, error);
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
