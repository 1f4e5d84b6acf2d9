library(testthat)
library(samen)
test_check("samen")
