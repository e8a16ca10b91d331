@echo off
rem The articlekit command line from the downloadable zip: runs lib\articlekit-cli.jar with Java 17 or
rem newer (JAVA_HOME, else java on the PATH). JAVA_OPTS is passed to the JVM after our defaults.
setlocal
set "AK_HOME=%~dp0.."
set "AK_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "AK_JAVA=%JAVA_HOME%\bin\java.exe"
"%AK_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:NewRatio=3 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 %JAVA_OPTS% -jar "%AK_HOME%\lib\articlekit-cli.jar" %*
exit /b %ERRORLEVEL%
