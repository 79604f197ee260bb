-- Training measures naive Bayes and the linear model on the same held-out tickets and keeps the more accurate: record
-- which one is in use and both accuracies, alone and combined with the ownership map.
alter table classifier_training
    add column model_in_use                 text check (model_in_use in ('NAIVE_BAYES', 'LINEAR')),
    add column naive_bayes_accuracy         real,
    add column naive_bayes_combined_accuracy real,
    add column linear_accuracy              real,
    add column linear_combined_accuracy     real,
    add column linear_c                     real;
