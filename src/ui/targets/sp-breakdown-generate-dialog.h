/* sp-breakdown-generate-dialog.h — "Break Down the Target": the weights for time, regions,
 * reps, products and customer types (custom ones typed per month or member) and the history
 * years, then SpBreakdown generate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-breakdown.h"
#include "sp-preferences.h"

G_BEGIN_DECLS

#define SP_TYPE_BREAKDOWN_GENERATE_DIALOG (sp_breakdown_generate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpBreakdownGenerateDialog, sp_breakdown_generate_dialog,
                      SP, BREAKDOWN_GENERATE_DIALOG, AdwMessageDialog)

GtkWidget *sp_breakdown_generate_dialog_new     (GtkWindow                 *parent,
                                                 SpPreferences             *preferences,
                                                 SpBreakdown               *breakdown);
/* The options the dialog's choices stand for (@basis_years: room for 3 years). */
void       sp_breakdown_generate_dialog_get_options (SpBreakdownGenerateDialog *self,
                                                     SpBreakdownOptions        *options,
                                                     int                       *basis_years);
/* Chooses how @dimension's members (SP_BREAKDOWN_DIMENSION_TEAM: the months) are weighted;
 * FALSE when the dialog does not offer @source for it. Custom shows a weight per month or
 * member (100 each to begin with) and the share it makes. */
gboolean   sp_breakdown_generate_dialog_set_source (SpBreakdownGenerateDialog *self,
                                                    SpBreakdownDimension       dimension,
                                                    SpWeightSource             source);
/* The GtkSpinButton of a custom weight (@key: the fiscal month 0–11 for the team, else the
 * member's id) and the share it shows ("15.4%"); NULL until Custom is chosen. */
GtkWidget *sp_breakdown_generate_dialog_get_weight (SpBreakdownGenerateDialog *self,
                                                    SpBreakdownDimension       dimension,
                                                    gint64                     key);
const char *sp_breakdown_generate_dialog_get_share (SpBreakdownGenerateDialog *self,
                                                    SpBreakdownDimension       dimension,
                                                    gint64                     key);
/* Generates with the dialog's options; a failure shows a toast. */
gboolean   sp_breakdown_generate_dialog_generate (SpBreakdownGenerateDialog *self,
                                                  GError                   **error);
/* Opens the dialog over @widget's window. */
void       sp_breakdown_generate_dialog_present (GtkWidget                 *widget,
                                                 SpPreferences             *preferences,
                                                 SpBreakdown               *breakdown);

G_END_DECLS
