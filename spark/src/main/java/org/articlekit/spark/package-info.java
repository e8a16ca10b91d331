/**
 * ArticleKit's conversions as an Apache Spark job: {@link org.articlekit.spark.SparkConvert} is the
 * driver ({@code ./articlekit-spark convert}), {@link org.articlekit.spark.ConvertJob} the job. The
 * library's converter and binder do the work on the executors; Spark only lists, spreads and collects.
 */
package org.articlekit.spark;
