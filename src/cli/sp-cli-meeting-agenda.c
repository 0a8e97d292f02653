/* sp-cli-meeting-agenda.c — "meeting agenda": the agenda data as text or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"

/* A string, "" for none, escaped as every JSON the CLI prints (sp_cli_json_string). */
static void
json_string (GString    *out,
             const char *text)
{
  sp_cli_json_string (out, text != NULL ? text : "");
}

static void
json_date (GString     *out,
           const GDate *date)
{
  g_autofree char *iso = g_date_valid (date) ? sp_date_format_iso (date) : NULL;

  json_string (out, iso);
}

static void
json_ranking (GString    *out,
              const char *key,
              GPtrArray  *ranking)
{
  g_string_append_printf (out, ",\"%s\":[", key);
  for (guint i = 0; ranking != NULL && i < ranking->len; i++)
    {
      const SpAgendaRank *r = g_ptr_array_index (ranking, i);

      g_string_append_printf (out, "%s{\"rank\":%u,\"id\":%" G_GINT64_FORMAT ",\"name\":",
                              i ? "," : "", r->rank, r->id);
      json_string (out, r->name);
      g_string_append_printf (out, ",\"actual\":%" G_GINT64_FORMAT ",\"target\":%"
                              G_GINT64_FORMAT ",\"attainment_bp\":", r->actual, r->target);
      if (r->attainment.den != 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, sp_rate_to_basis_points (r->attainment));
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
json_deals (GString    *out,
            const char *key,
            GPtrArray  *deals)
{
  g_string_append_printf (out, ",\"%s\":[", key);
  for (guint i = 0; deals != NULL && i < deals->len; i++)
    {
      const SpAgendaDeal *d = g_ptr_array_index (deals, i);

      g_string_append_printf (out, "%s{\"id\":%" G_GINT64_FORMAT ",\"title\":", i ? "," : "",
                              d->opportunity_id);
      json_string (out, d->title);
      g_string_append (out, ",\"rep\":");
      json_string (out, d->rep_name);
      g_string_append (out, ",\"stage\":");
      json_string (out, d->stage);
      g_string_append_printf (out, ",\"amount\":%" G_GINT64_FORMAT ",\"lost_reason\":",
                              d->amount);
      json_string (out, d->lost_reason);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
json_counts (GString    *out,
             const char *key,
             GPtrArray  *rows)
{
  g_string_append_printf (out, ",\"%s\":[", key);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const SpAgendaCount *c = g_ptr_array_index (rows, i);

      g_string_append_printf (out, "%s{\"name\":", i ? "," : "");
      json_string (out, c->name);
      g_string_append_printf (out, ",\"count\":%" G_GINT64_FORMAT ",\"amount\":%"
                              G_GINT64_FORMAT ",\"target\":%" G_GINT64_FORMAT "}", c->count,
                              c->amount, c->target);
    }
  g_string_append_c (out, ']');
}

static void
json_rate (GString    *out,
           const char *key,
           SpRate      rate)
{
  g_string_append_printf (out, ",\"%s\":", key);
  if (rate.den != 0)
    g_string_append_printf (out, "[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]", rate.num,
                            rate.den);
  else
    g_string_append (out, "null");
}

static void
json_kpis (GString             *out,
           const char          *key,
           const SpMetricsKpis *k)
{
  g_string_append_printf (out, ",\"%s\":{\"effective_leads\":%" G_GINT64_FORMAT
                          ",\"effective_opportunities\":%" G_GINT64_FORMAT ",\"won\":%"
                          G_GINT64_FORMAT ",\"lost\":%" G_GINT64_FORMAT ",\"won_amount\":%"
                          G_GINT64_FORMAT, key, k->effective_leads, k->effective_opportunities,
                          k->won, k->lost, k->won_amount);
  /* Rates as exact [numerator, denominator]; null when undefined. */
  json_rate (out, "win_rate", k->win_rate);
  json_rate (out, "win_cycle_days", k->win_cycle);
  json_rate (out, "collection_rate", k->collection_rate);
  g_string_append (out, ",\"average_deal_size\":");
  if (k->average_deal_size.defined)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, k->average_deal_size.value);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
}

static void
print_json (SpMeetingAgenda *a)
{
  g_autoptr(GString) out = g_string_new ("{\"kind\":");

  json_string (out, sp_meeting_kind_to_string (a->kind));
  g_string_append (out, ",\"day\":");
  json_date (out, &a->day);
  g_string_append (out, ",\"first\":");
  json_date (out, &a->first);
  g_string_append (out, ",\"last\":");
  json_date (out, &a->last);
  if (a->reps != NULL)
    {
      g_string_append (out, ",\"reps\":[");
      for (guint i = 0; i < a->reps->len; i++)
        {
          const SpAgendaRepDay *r = g_ptr_array_index (a->reps, i);

          g_string_append_printf (out, "%s{\"id\":%" G_GINT64_FORMAT ",\"name\":", i ? "," : "",
                                  r->rep_id);
          json_string (out, r->rep_name);
          g_string_append_printf (out, ",\"logged\":%s,\"activities\":[", r->logged ? "true" : "false");
          for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
            g_string_append_printf (out, "%s%" G_GINT64_FORMAT, s ? "," : "", r->activities[s]);
          g_string_append_printf (out, "],\"orders\":%" G_GINT64_FORMAT ",\"revenue\":%"
                                  G_GINT64_FORMAT ",\"required\":", r->orders, r->revenue);
          if (r->has_required)
            {
              g_string_append_c (out, '[');
              for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
                g_string_append_printf (out, "%s%" G_GINT64_FORMAT, s ? "," : "", r->required[s]);
              g_string_append_c (out, ']');
            }
          else
            g_string_append (out, "null");
          g_string_append_printf (out, ",\"below\":%u,\"problems\":", r->below);
          json_string (out, r->problems);
          g_string_append (out, ",\"help_needed\":");
          json_string (out, r->help_needed);
          g_string_append (out, ",\"plan\":");
          json_string (out, r->plan);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  if (a->rep_ranking != NULL)
    {
      json_ranking (out, "rep_ranking", a->rep_ranking);
      json_ranking (out, "region_ranking", a->region_ranking);
    }
  if (a->new_deals != NULL)
    {
      json_deals (out, "new", a->new_deals);
      json_deals (out, "advanced", a->advanced_deals);
      json_deals (out, "won", a->won_deals);
      json_deals (out, "lost", a->lost_deals);
    }
  if (a->kind == SP_MEETING_MONTHLY)
    {
      json_kpis (out, "kpis", &a->kpis);
      json_kpis (out, "previous_kpis", &a->previous_kpis);
    }
  if (a->months != NULL)
    {
      g_string_append (out, ",\"months\":[");
      for (guint i = 0; i < a->months->len; i++)
        {
          const SpAgendaPeriod *p = g_ptr_array_index (a->months, i);

          g_string_append_printf (out, "%s{\"first\":", i ? "," : "");
          json_date (out, &p->first);
          g_string_append_printf (out, ",\"actual\":%" G_GINT64_FORMAT ",\"target\":%"
                                  G_GINT64_FORMAT "}", p->attainment.actual,
                                  p->attainment.target);
        }
      g_string_append_c (out, ']');
      json_counts (out, "products", a->products);
      g_string_append (out, ",\"measures\":[");
      for (guint i = 0; i < a->measures->len; i++)
        {
          const SpAgendaMeasure *m = g_ptr_array_index (a->measures, i);

          g_string_append_printf (out, "%s{\"kind\":", i ? "," : "");
          json_string (out, sp_ogsmt_kind_to_string (m->kind));
          g_string_append (out, ",\"text\":");
          json_string (out, m->text);
          g_string_append (out, ",\"target\":");
          if (m->has_target)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, m->target_value);
          else
            g_string_append (out, "null");
          g_string_append (out, ",\"deadline\":");
          if (g_date_valid (&m->deadline))
            json_date (out, &m->deadline);
          else
            g_string_append (out, "null");
          g_string_append_printf (out, ",\"due\":%s}", m->due ? "true" : "false");
        }
      g_string_append_c (out, ']');
    }
  if (a->lost_reasons != NULL)
    json_counts (out, "lost_reasons", a->lost_reasons);
  if (a->case_deal != NULL)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, a->case_deal);
      json_deals (out, "case", one);
    }
  if (a->lost_reasons != NULL)
    g_string_append_printf (out, ",\"team_actual\":%" G_GINT64_FORMAT ",\"team_target\":%"
                            G_GINT64_FORMAT ",\"year_target\":%" G_GINT64_FORMAT
                            ",\"year_actual\":%" G_GINT64_FORMAT ",\"year_gap\":%"
                            G_GINT64_FORMAT, a->team.actual, a->team.target, a->year_target,
                            a->year_actual, a->year_gap);
  g_string_append (out, ",\"open_actions\":[");
  for (guint i = 0; i < g_list_model_get_n_items (a->open_actions); i++)
    {
      g_autoptr(SpActionItem) item = g_list_model_get_item (a->open_actions, i);

      g_string_append_printf (out, "%s{\"id\":%" G_GINT64_FORMAT ",\"text\":", i ? "," : "",
                              sp_action_item_get_id (item));
      json_string (out, sp_action_item_get_text (item));
      g_string_append (out, ",\"owner\":");
      json_string (out, sp_action_item_get_rep_name (item));
      g_string_append (out, ",\"due_on\":");
      json_string (out, sp_action_item_get_due_on (item));
      g_string_append (out, ",\"phase\":");
      json_string (out, sp_action_phase_to_string (sp_action_item_get_phase (item)));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_ranking (SpStore    *store,
               const char *title,
               GPtrArray  *ranking)
{
  printf ("\n%s\n", title);
  for (guint i = 0; i < ranking->len; i++)
    {
      const SpAgendaRank *r = g_ptr_array_index (ranking, i);
      g_autofree char *actual = sp_cli_format_money (store, r->actual);
      g_autofree char *target = sp_cli_format_money (store, r->target);

      if (r->attainment.den != 0)
        {
          gint64 bp = sp_rate_to_basis_points (r->attainment);
          /* Whole percent, half away from zero. */
          gint64 pct = bp >= 0 ? (bp + 50) / 100 : -((-bp + 50) / 100);

          printf ("%u. %s  %s / %s  %" G_GINT64_FORMAT "%%\n", r->rank, r->name, actual, target,
                  pct);
        }
      else
        printf ("%u. %s  %s\n", r->rank, r->name, actual);
    }
}

static void
print_text (SpStore         *store,
            SpMeetingAgenda *a)
{
  g_autofree char *first = sp_date_format_iso (&a->first);
  g_autofree char *last = sp_date_format_iso (&a->last);

  printf ("%s  %s … %s\n", sp_meeting_kind_get_name (a->kind, a->review_period), first, last);
  for (guint i = 0; a->reps != NULL && i < a->reps->len; i++)
    {
      const SpAgendaRepDay *r = g_ptr_array_index (a->reps, i);
      g_autofree char *revenue = sp_cli_format_money (store, r->revenue);

      if (!r->logged)
        printf ("%s: %s\n", r->rep_name, _("no log"));
      else
        printf ("%s: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%"
                G_GINT64_FORMAT "/%" G_GINT64_FORMAT "  %s %" G_GINT64_FORMAT "  %s %s\n",
                r->rep_name, r->activities[0], r->activities[1], r->activities[2],
                r->activities[3], r->activities[4], _("orders"), r->orders, _("revenue"), revenue);
      if (r->plan[0] != '\0')
        printf ("  %s: %s\n", _("Plan"), r->plan);
      if (r->problems[0] != '\0')
        printf ("  %s: %s\n", _("Problems"), r->problems);
      if (r->help_needed[0] != '\0')
        printf ("  %s: %s\n", _("Help needed"), r->help_needed);
    }
  if (a->rep_ranking != NULL)
    {
      print_ranking (store, _("Ranking of reps"), a->rep_ranking);
      print_ranking (store, _("Ranking of regions"), a->region_ranking);
    }
  if (a->new_deals != NULL)
    printf ("\n%s: %u  %s: %u  %s: %u  %s: %u\n", _("New"), a->new_deals->len, _("Advanced"),
            a->advanced_deals->len, _("Won"), a->won_deals->len, _("Lost"), a->lost_deals->len);
  for (guint i = 0; a->months != NULL && i < a->months->len; i++)
    {
      const SpAgendaPeriod *p = g_ptr_array_index (a->months, i);
      g_autofree char *month = sp_date_format_iso (&p->first);
      g_autofree char *actual = sp_cli_format_money (store, p->attainment.actual);
      g_autofree char *target = sp_cli_format_money (store, p->attainment.target);

      printf ("%s%.7s  %s / %s\n", i == 0 ? "\n" : "", month, actual, target);
    }
  for (guint i = 0; a->lost_reasons != NULL && i < a->lost_reasons->len; i++)
    {
      const SpAgendaCount *c = g_ptr_array_index (a->lost_reasons, i);

      if (i == 0)
        printf ("\n%s\n", _("Lost reasons"));
      printf ("%s  %" G_GINT64_FORMAT "\n", c->name[0] != '\0' ? c->name : "—", c->count);
    }
  if (a->lost_reasons != NULL)
    {
      g_autofree char *gap = sp_cli_format_money (store, a->year_gap);
      printf ("\n%s: %s\n", _("Gap to the year"), gap);
    }
  if (g_list_model_get_n_items (a->open_actions) > 0)
    printf ("\n%s\n", _("Open action items"));
  for (guint i = 0; i < g_list_model_get_n_items (a->open_actions); i++)
    {
      g_autoptr(SpActionItem) item = g_list_model_get_item (a->open_actions, i);

      printf ("- %s (%s, %s)\n", sp_action_item_get_text (item),
              sp_action_item_get_rep_name (item) ? sp_action_item_get_rep_name (item) : "—",
              sp_action_phase_get_name (sp_action_item_get_phase (item)));
    }
}

gboolean
sp_cli_meeting_agenda (SpStore     *store,
                       const char  *type,
                       const char  *period,
                       const char  *date,
                       gint64       meeting_id,
                       const char  *format,
                       GError     **error)
{
  g_autoptr(SpMeetingAgenda) agenda = NULL;
  SpMeetingReviewPeriod review = SP_MEETING_REVIEW_NONE;
  SpMeetingKind kind;
  GDate day;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown format “%s”; use text or json"), format);
      return FALSE;
    }
  if (meeting_id > 0)
    agenda = sp_meeting_agenda_for_meeting (store, meeting_id, error);
  else
    {
      if (type == NULL || !sp_meeting_kind_from_string (type, &kind))
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("Unknown meeting type “%s”; use morning, evening, weekly, monthly, "
                         "review, sharing, coaching or workshop"), type ? type : "");
          return FALSE;
        }
      if (period != NULL && !sp_meeting_review_from_string (period, &review))
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("Unknown review period “%s”; use quarter, half-year or year"), period);
          return FALSE;
        }
      if (date == NULL || !sp_date_parse_iso (date, &day))
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("Invalid date “%s”: expected YYYY-MM-DD"), date ? date : "");
          return FALSE;
        }
      agenda = sp_meeting_agenda_compute (store, kind, review, &day, error);
    }
  if (agenda == NULL)
    return FALSE;

  if (format != NULL && g_str_equal (format, "json"))
    print_json (agenda);
  else
    print_text (store, agenda);
  return TRUE;
}
