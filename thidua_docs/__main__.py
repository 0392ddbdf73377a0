from thidua_docs.process import main

main()
