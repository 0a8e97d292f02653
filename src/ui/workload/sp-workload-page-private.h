/* sp-workload-page-private.h — what sp-workload-page.c shares with
 * sp-workload-page-what-if.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-model.h"

#include "sp-rep-workload.h"
#include "sp-workload-page.h"

G_BEGIN_DECLS

#define N_WHAT_IF_INPUTS 7

enum
{
  INPUT_TARGET,
  INPUT_AOV,
  INPUT_RATE_1,
  INPUT_DAYS = INPUT_RATE_1 + SP_WORKLOAD_N_RATES,
};

struct _SpWorkloadPage
{
  SpPage          parent_instance;

  GtkStringList  *rep_names;
  GArray         *rep_ids;    /* gint64; 0 first: all reps */
  GDate           today;
  gboolean        loading;
  SpRepWorkload   what_if_base;
  GtkWidget      *inputs[N_WHAT_IF_INPUTS];
  GtkLabel       *results[SP_WORKLOAD_N_STAGES];

  GtkStack       *stack;
  GtkDropDown    *period_dropdown;
  GtkDropDown    *rep_dropdown;
  GtkLabel       *heading;
  GtkLabel       *subtitle;
  GtkGrid        *table;
  GtkGrid        *what_if_inputs;
  GtkGrid        *what_if_results;
  GtkLabel       *what_if_error;
};

/* "Prospect → appointment" …, untranslated (N_()). */
extern const char * const _sp_workload_page_rate_names[SP_WORKLOAD_N_RATES];

GtkWidget *_sp_workload_page_create_label     (const char     *text,
                                               float           xalign);
/* The chosen period (this month, quarter or year of "today"). */
void       _sp_workload_page_period_range     (SpWorkloadPage *self,
                                               SpCalendar     *calendar,
                                               GDate          *first,
                                               GDate          *last);
void       _sp_workload_page_create_what_if   (SpWorkloadPage *self);
/* Reads the chosen rep's figures into the panel. */
void       _sp_workload_page_reload_what_if   (SpWorkloadPage *self);
/* Puts the figures last read back into the panel (Reset to History). */
void       _sp_workload_page_fill_what_if     (SpWorkloadPage *self);

G_END_DECLS
