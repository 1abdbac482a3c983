from geomap.build.gazetteer import main

main()
