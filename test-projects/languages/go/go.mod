module wan25example

go 1.19
