/* test-screenshots-private.h — what test-screenshots.c shares with its other parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-ui-test-utils.h"

G_BEGIN_DECLS

extern SpUiFixture fixture;

void wait_for_frames          (GtkWidget  *widget,
                               int         width,
                               int         height);
void screenshot               (GtkWidget  *widget,
                               const char *name,
                               int         shot_width,
                               int         shot_height);

/* test-screenshots-jobs.c */
void test_fill_demo           (void);
void test_close_while_filling (void);
void test_import              (void);
void test_open_error          (void);
void test_empty_workspace     (void);

G_END_DECLS
